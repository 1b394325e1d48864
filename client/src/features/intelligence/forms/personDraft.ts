import type { Gender, IntelPersonEditFragment, PersonOfConcernCategory, PersonOfConcernFields, PersonOfConcernStatus } from '../../../gql/graphql';
import { formErrors, type FormErrors } from '../../../lib/errors';
import { isDay, today } from '../../list/common';
import { addId, entryId, vehicleId, type VehicleDraft } from './RepeatFields';

/** What is known of their age: a date of birth, or an approximate age. */
export type AgeKnown = '' | 'DATE_OF_BIRTH' | 'APPROXIMATE';

/** A person of concern as typed: every value a string, lists as typed (blank entries included). */
export interface PersonDraft {
  policeReference: string;
  firstName: string;
  lastName: string;
  aliases: string[];
  ageKnown: AgeKnown;
  dateOfBirth: string;
  approximateAge: string;
  gender: string;
  description: string;
  vehicles: VehicleDraft[];
  phoneNumbers: string[];
  addresses: string[];
  category: string;
  status: string;
}

export function emptyPersonDraft(): PersonDraft {
  return {
    policeReference: '',
    firstName: '',
    lastName: '',
    aliases: [''],
    ageKnown: '',
    dateOfBirth: '',
    approximateAge: '',
    gender: '',
    description: '',
    vehicles: [],
    phoneNumbers: [''],
    addresses: [''],
    category: 'PERSON_OF_CONCERN',
    status: 'INTELLIGENCE_ONLY',
  };
}

const orOne = (xs: readonly string[]) => (xs.length > 0 ? [...xs] : ['']);

/** A recorded person as a draft to change. */
export function draftFromPerson(p: IntelPersonEditFragment): PersonDraft {
  return {
    policeReference: p.policeReference ?? '',
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    aliases: orOne(p.aliases),
    ageKnown: p.dateOfBirth ? 'DATE_OF_BIRTH' : p.approximateAge != null ? 'APPROXIMATE' : '',
    dateOfBirth: p.dateOfBirth ?? '',
    approximateAge: p.approximateAge != null ? String(p.approximateAge) : '',
    gender: p.gender,
    description: p.description ?? '',
    vehicles: p.vehicles.map((v) => ({ registration: v.registration, make: v.make ?? '', colour: v.colour ?? '' })),
    phoneNumbers: orOne(p.phoneNumbers),
    addresses: orOne(p.addresses),
    category: p.category,
    status: p.status,
  };
}

const filled = (s: string) => s.trim() !== '';
const vehicleFilled = (v: VehicleDraft) => filled(v.registration) || filled(v.make) || filled(v.colour);

/** Indexes of the entries that are sent (blank ones are left out), so the server's `aliases.2` finds its box. */
function kept<T>(xs: readonly T[], keep: (x: T) => boolean): number[] {
  return xs.flatMap((x, i) => (keep(x) ? [i] : []));
}

const tooLong = (s: string, max: number) => s.trim().length > max;

/** What is wrong with a draft before it is sent, each problem naming its field. */
export function personProblems(d: PersonDraft, on = today()): FormErrors {
  const age = d.approximateAge.trim();
  return formErrors([
    { id: 'policeReference', message: tooLong(d.policeReference, 50) ? 'Police reference must be 50 characters or fewer' : null },
    {
      id: 'firstName',
      message: filled(d.firstName) || filled(d.lastName) || d.aliases.some(filled) ? (tooLong(d.firstName, 100) ? 'First name must be 100 characters or fewer' : null) : 'Enter a name, or at least one alias or nickname',
    },
    { id: 'lastName', message: tooLong(d.lastName, 100) ? 'Last name must be 100 characters or fewer' : null },
    ...d.aliases.map((a, i) => ({ id: entryId('aliases', i), message: tooLong(a, 100) ? `Alias or nickname ${i + 1} must be 100 characters or fewer` : null })),
    { id: 'ageKnown', message: d.ageKnown ? null : 'Choose whether you know their date of birth or an approximate age' },
    {
      id: 'dateOfBirth',
      message:
        d.ageKnown !== 'DATE_OF_BIRTH'
          ? null
          : !isDay(d.dateOfBirth)
            ? 'Enter their date of birth as yyyy-mm-dd, for example 1994-03-27'
            : d.dateOfBirth.trim() > on
              ? 'Date of birth must be in the past'
              : null,
    },
    {
      id: 'approximateAge',
      message:
        d.ageKnown !== 'APPROXIMATE'
          ? null
          : !/^\d{1,3}$/.test(age)
            ? 'Enter their approximate age in years as a whole number, for example 30'
            : Number(age) < 10 || Number(age) > 110
              ? 'Approximate age must be between 10 and 110'
              : null,
    },
    { id: 'gender', message: d.gender ? null : 'Choose their gender' },
    { id: 'description', message: tooLong(d.description, 4000) ? 'Description must be 4000 characters or fewer' : null },
    ...d.vehicles.flatMap((v, i) => [
      {
        id: vehicleId(i, 'registration'),
        message:
          vehicleFilled(v) && !/[a-z0-9]/i.test(v.registration)
            ? `Enter the registration of vehicle ${i + 1}, or the part of it that is known`
            : tooLong(v.registration, 20)
              ? `Registration of vehicle ${i + 1} must be 20 characters or fewer`
              : null,
      },
      { id: vehicleId(i, 'make'), message: tooLong(v.make, 100) ? `Make and model of vehicle ${i + 1} must be 100 characters or fewer` : null },
      { id: vehicleId(i, 'colour'), message: tooLong(v.colour, 100) ? `Colour of vehicle ${i + 1} must be 100 characters or fewer` : null },
    ]),
    ...d.phoneNumbers.map((p, i) => ({
      id: entryId('phoneNumbers', i),
      message: !filled(p) ? null : p.replace(/\D/g, '').length < 3 ? `Phone number ${i + 1} needs at least 3 digits` : tooLong(p, 30) ? `Phone number ${i + 1} must be 30 characters or fewer` : null,
    })),
    ...d.addresses.map((a, i) => ({ id: entryId('addresses', i), message: tooLong(a, 300) ? `Address ${i + 1} must be 300 characters or fewer` : null })),
    { id: 'category', message: d.category ? null : 'Choose the category' },
    { id: 'status', message: d.status ? null : 'Choose their status' },
  ]);
}

const opt = (s: string) => s.trim() || null;

/** The fields to send for a checked draft. Blank list entries and blank vehicles are left out. */
export function personInput(d: PersonDraft): PersonOfConcernFields {
  const dob = d.ageKnown === 'DATE_OF_BIRTH';
  return {
    policeReference: opt(d.policeReference),
    firstName: opt(d.firstName),
    lastName: opt(d.lastName),
    aliases: d.aliases.map((a) => a.trim()).filter(Boolean),
    dateOfBirth: dob ? d.dateOfBirth.trim() : null,
    approximateAge: !dob && d.ageKnown === 'APPROXIMATE' ? Number(d.approximateAge.trim()) : null,
    gender: d.gender as Gender,
    description: opt(d.description),
    vehicles: d.vehicles.filter(vehicleFilled).map((v) => ({ registration: v.registration.trim(), make: opt(v.make), colour: opt(v.colour) })),
    phoneNumbers: d.phoneNumbers.map((p) => p.trim()).filter(Boolean),
    addresses: d.addresses.map((a) => a.trim()).filter(Boolean),
    category: d.category as PersonOfConcernCategory,
    status: d.status as PersonOfConcernStatus,
  };
}

/**
 * The server's field names (`firstName`, `aliases.1`, `vehicles.0.registration`, …) to the ids of
 * the inputs showing them, for the draft as it was sent.
 */
export function personFieldIds(d: PersonDraft): Record<string, string> {
  const ids: Record<string, string> = {
    policeReference: 'policeReference',
    firstName: 'firstName',
    lastName: 'lastName',
    dateOfBirth: d.ageKnown === 'DATE_OF_BIRTH' ? 'dateOfBirth' : 'ageKnown',
    approximateAge: d.ageKnown === 'APPROXIMATE' ? 'approximateAge' : 'ageKnown',
    gender: 'gender',
    description: 'description',
    category: 'category',
    status: 'status',
    aliases: addId('aliases'),
    phoneNumbers: addId('phoneNumbers'),
    addresses: addId('addresses'),
    vehicles: addId('vehicles'),
  };
  for (const list of ['aliases', 'phoneNumbers', 'addresses'] as const) {
    kept(d[list], filled).forEach((draftIndex, sent) => (ids[`${list}.${sent}`] = entryId(list, draftIndex)));
  }
  kept(d.vehicles, vehicleFilled).forEach((draftIndex, sent) => {
    ids[`vehicles.${sent}`] = vehicleId(draftIndex, 'registration');
    for (const part of ['registration', 'make', 'colour'] as const) ids[`vehicles.${sent}.${part}`] = vehicleId(draftIndex, part);
  });
  return ids;
}
