import { describe, expect, it } from 'vitest';
import { checkDisruption, disruptionIds } from './DisruptionForm';
import { checkHotSpot } from './HotSpotReportPage';
import { emptyLinkDraft, linkInput, linkProblems, linkRecordedMessage, recordLinkPath } from './linkDraft';
import { reportMonthProblem } from './MonthStep';
import { emptyPersonDraft, personFieldIds, personInput, personProblems, type PersonDraft } from './personDraft';
import { EMPTY_PLACE, parseCoordinate, placeInput, placeProblems } from './placeDraft';
import { checkPoliceReport, policeDraft } from './PoliceReportPage';

const TODAY = '2026-04-01';

function person(patch: Partial<PersonDraft> = {}): PersonDraft {
  return { ...emptyPersonDraft(), lastName: 'Vexmoor', ageKnown: 'APPROXIMATE', approximateAge: '32', gender: 'MALE', ...patch };
}

describe('person of concern drafts', () => {
  it('needs a name or an alias, an age one way or the other, and a gender', () => {
    const errors = personProblems({ ...emptyPersonDraft(), aliases: ['  '] }, TODAY);
    expect(errors.fields).toEqual({
      firstName: 'Enter a name, or at least one alias or nickname',
      ageKnown: 'Choose whether you know their date of birth or an approximate age',
      gender: 'Choose their gender',
    });
    expect(errors.summary[0]).toEqual({ text: 'Enter a name, or at least one alias or nickname', href: '#firstName' });
    expect(personProblems(person({ lastName: '', aliases: ['', 'Dex'] }), TODAY).fields).toEqual({});
  });

  it('checks the date of birth or the approximate age, whichever was chosen', () => {
    expect(personProblems(person({ ageKnown: 'DATE_OF_BIRTH', dateOfBirth: '1990-02-30' }), TODAY).fields.dateOfBirth).toMatch(/yyyy-mm-dd/);
    expect(personProblems(person({ ageKnown: 'DATE_OF_BIRTH', dateOfBirth: '2026-05-01' }), TODAY).fields.dateOfBirth).toBe('Date of birth must be in the past');
    expect(personProblems(person({ approximateAge: 'thirty' }), TODAY).fields.approximateAge).toMatch(/whole number/);
    expect(personProblems(person({ approximateAge: '9' }), TODAY).fields.approximateAge).toBe('Approximate age must be between 10 and 110');
    // The box not chosen is not checked, and not sent.
    expect(personProblems(person({ dateOfBirth: 'rubbish' }), TODAY).fields).toEqual({});
    expect(personInput(person({ dateOfBirth: '1990-01-01' }))).toMatchObject({ dateOfBirth: null, approximateAge: 32 });
    expect(personInput(person({ ageKnown: 'DATE_OF_BIRTH', dateOfBirth: ' 1990-01-01 ' }))).toMatchObject({ dateOfBirth: '1990-01-01', approximateAge: null });
  });

  it('names the vehicle or phone number with a problem', () => {
    const errors = personProblems(
      person({ vehicles: [{ registration: 'AB12', make: '', colour: '' }, { registration: ' ', make: 'Ford', colour: '' }], phoneNumbers: ['', '12'] }),
      TODAY,
    );
    expect(errors.fields).toEqual({
      'vehicles-1-registration': 'Enter the registration of vehicle 2, or the part of it that is known',
      'phoneNumbers-1': 'Phone number 2 needs at least 3 digits',
    });
  });

  it('leaves out blank entries, and maps the server’s list positions back to the boxes typed in', () => {
    const draft = person({
      aliases: ['', 'Dex', ' '],
      vehicles: [{ registration: '', make: '', colour: '' }, { registration: 'kx19', make: ' Ford ', colour: '' }],
      phoneNumbers: ['', '07700 900461'],
      addresses: [''],
    });
    expect(personInput(draft)).toMatchObject({
      aliases: ['Dex'],
      vehicles: [{ registration: 'kx19', make: 'Ford', colour: null }],
      phoneNumbers: ['07700 900461'],
      addresses: [],
      firstName: null,
      lastName: 'Vexmoor',
    });
    const ids = personFieldIds(draft);
    expect(ids['aliases.0']).toBe('aliases-1');
    expect(ids['vehicles.0.registration']).toBe('vehicles-1-registration');
    expect(ids['phoneNumbers.0']).toBe('phoneNumbers-1');
    expect(ids.addresses).toBe('addresses-add');
    expect(ids.dateOfBirth).toBe('ageKnown');
    expect(ids.approximateAge).toBe('approximateAge');
  });
});

describe('place drafts', () => {
  it('needs a point unless the place is an online platform', () => {
    expect(placeProblems(EMPTY_PLACE).fields).toEqual({ name: 'Enter the name of the place', type: 'Choose the type of place' });
    expect(placeProblems({ name: 'Park', type: 'PARK', lat: '', lng: 'east' }).fields).toEqual({
      lat: 'Enter the latitude, for example 54.3512',
      lng: 'Enter the longitude as a decimal number of degrees, for example -2.1045',
    });
    expect(placeProblems({ name: 'Park', type: 'PARK', lat: '91', lng: '0' }).fields.lat).toBe('Latitude must be between −90 and 90');
    const online = { name: 'Chat app', type: 'ONLINE_PLATFORM', lat: '54.3', lng: '2.2' };
    expect(placeProblems(online).fields).toEqual({});
    expect(placeInput(online)).toEqual({ name: 'Chat app', type: 'ONLINE_PLATFORM', lat: null, lng: null });
    expect(placeInput({ name: ' Park ', type: 'PARK', lat: '54.35', lng: '−2.25' })).toEqual({ name: 'Park', type: 'PARK', lat: 54.35, lng: -2.25 });
  });

  it('reads coordinates typed by hand', () => {
    expect(parseCoordinate(' 54.3512 ')).toBe(54.3512);
    expect(parseCoordinate('-2')).toBe(-2);
    expect(parseCoordinate('54,35')).toBeNull();
    expect(parseCoordinate('1e2')).toBeNull();
  });
});

describe('link drafts', () => {
  const from = { kind: 'LOCATION' as const, id: 'a5b9a0a4-54a0-4a8f-9a55-1f0a3e0c1d11' };

  it('names every missing part, the other end linking to where it is chosen', () => {
    const errors = linkProblems(from, emptyLinkDraft(), 'toSearch', TODAY);
    expect(errors.summary.map((s) => s.href)).toEqual(['#toKind', '#type', '#sourceAgencyId', '#firstSeen', '#lastSeen', '#sourceGrade', '#intelligenceGrade', '#handling']);
    const chosenKind = linkProblems(from, { ...emptyLinkDraft(), toKind: 'PERSON_OF_CONCERN' }, 'toSearch', TODAY);
    expect(chosenKind.fields.toSearch).toBe('Search for and choose the person of concern it is linked to');
  });

  it('refuses a link to itself, dates the wrong way round and dates in the future', () => {
    const draft = {
      ...emptyLinkDraft('agency-1'),
      toKind: 'LOCATION',
      toId: from.id,
      type: 'FREQUENTS',
      firstSeen: '2026-03-10',
      lastSeen: '2026-03-01',
      sourceGrade: '2',
      intelligenceGrade: 'B',
      handling: 'C',
    };
    expect(linkProblems(from, draft, 'toId', TODAY).fields).toEqual({ toId: 'A link needs two different things: choose another', lastSeen: 'Last seen must be on or after first seen' });
    expect(linkProblems(from, { ...draft, toId: 'other', lastSeen: '2026-04-02' }, 'toId', TODAY).fields).toEqual({ lastSeen: 'Last seen cannot be in the future' });
    expect(linkInput(from, { ...draft, toId: 'other', lastSeen: '2026-03-20' })).toEqual({
      fromKind: 'LOCATION',
      fromId: from.id,
      toKind: 'LOCATION',
      toId: 'other',
      type: 'FREQUENTS',
      sourceAgencyId: 'agency-1',
      firstSeen: '2026-03-10',
      lastSeen: '2026-03-20',
      sourceGrade: 2,
      intelligenceGrade: 'B',
      handling: 'C',
    });
  });

  it('says when the link was merged into one already recorded', () => {
    expect(linkRecordedMessage(false, 'Harbour Road')).toBe('Link to Harbour Road recorded.');
    expect(linkRecordedMessage(true, 'Harbour Road')).toMatch(/already recorded, so it was not added again/);
    expect(recordLinkPath('PERSON_OF_CONCERN', 'x')).toBe('/intelligence/links/new?fromKind=PERSON_OF_CONCERN&fromId=x');
  });
});

describe('monthly reports and disruptions', () => {
  it('takes a month that is not in the future', () => {
    expect(reportMonthProblem('2026-13', '2026-04')).toMatch(/yyyy-mm/);
    expect(reportMonthProblem('2026-05', '2026-04')).toBe('The month must not be in the future');
    expect(reportMonthProblem('2026-04', '2026-04')).toBeNull();
  });

  it('sends a hot-spot report with the version read, for a correction', () => {
    expect(checkHotSpot('loc', '2026-03', null, { sightings: '4', incidents: '-1', riskLevel: '', notes: '' }).errors.fields).toEqual({
      incidents: 'Enter the number of incidents as a whole number, 0 or more',
      riskLevel: 'Choose the risk level',
    });
    expect(checkHotSpot('loc', '2026-03', 3, { sightings: ' 4 ', incidents: '0', riskLevel: 'LOW', notes: ' ' }).input).toEqual({
      locationId: 'loc',
      month: '2026-03',
      sightings: 4,
      incidents: 0,
      riskLevel: 'LOW',
      notes: null,
      version: 3,
    });
  });

  it('sends every police figure, naming any that is not a whole number', () => {
    const draft = { ...policeDraft(undefined), openInvestigations: '5', arrests: '2', charges: '1', convictions: '0', cawns: '1', orders: '0', otherDisruptions: 'x' };
    expect(checkPoliceReport('2026-03', null, draft).errors.fields).toEqual({ otherDisruptions: 'Enter other disruptions as a whole number, 0 or more' });
    expect(checkPoliceReport('2026-03', 2, { ...draft, otherDisruptions: '3' }).input).toEqual({
      month: '2026-03',
      openInvestigations: 5,
      arrests: 2,
      charges: 1,
      convictions: 0,
      cawns: 1,
      orders: 0,
      otherDisruptions: 3,
      narrative: null,
      version: 2,
    });
  });

  it('checks a disruption’s type and date', () => {
    const { errors } = checkDisruption('p1', { type: '', date: '2026-04-02', notes: '' }, TODAY);
    expect(errors.fields).toEqual({ [disruptionIds.type]: 'Choose the type of disruption', [disruptionIds.date]: 'The date of a disruption cannot be in the future' });
    expect(checkDisruption('p1', { type: 'CAWN', date: '2026-03-30', notes: ' Served ' }, TODAY).input).toEqual({ personOfConcernId: 'p1', type: 'CAWN', date: '2026-03-30', notes: 'Served' });
  });
});
