import { describe, expect, it } from 'vitest';
import { localInputToIso, toLocalInput } from './datetime';
import { checkEpisode, EMPTY_EPISODE, episodeIds } from './MissingEpisodes';

const now = new Date('2026-04-01T12:00:00Z');
const ids = episodeIds('m');

describe('missing episode checks', () => {
  it('reads datetime-local values as London time, summer and winter', () => {
    expect(localInputToIso('2026-01-10T21:30')).toBe('2026-01-10T21:30:00.000Z');
    expect(localInputToIso('2026-07-10T21:30')).toBe('2026-07-10T20:30:00.000Z');
    expect(toLocalInput('2026-07-10T20:30:00.000Z')).toBe('2026-07-10T21:30');
    expect(localInputToIso('2026-02-30T10:00')).toBeNull();
  });

  it('needs a start and who reported it', () => {
    const { errors, values } = checkEpisode(EMPTY_EPISODE, 'm', false, now);
    expect(values).toBeUndefined();
    expect(errors.fields[ids.startedAt]).toBe('Enter when they went missing');
    expect(errors.fields[ids.reportedBy]).toMatch(/who reported them missing/);
    expect(errors.fields[ids.endedAt]).toBeUndefined();
  });

  it('refuses a return before the start, and an interview done but never offered', () => {
    const { errors } = checkEpisode(
      { ...EMPTY_EPISODE, startedAt: '2026-03-20T22:00', endedAt: '2026-03-20T21:00', reportedBy: 'Residential home', returnInterviewDone: true },
      'm',
      false,
      now,
    );
    expect(errors.fields[ids.endedAt]).toBe('When they returned must be after they went missing');
    expect(errors.fields[ids.returnInterviewDone]).toMatch(/offered/);
  });

  it('requires the return when recording it, and sends ISO instants', () => {
    const draft = { ...EMPTY_EPISODE, startedAt: '2026-03-20T22:00', reportedBy: ' School ', whereFound: '' };
    expect(checkEpisode(draft, 'm', true, now).errors.fields[ids.endedAt]).toBe('Enter when they returned or were found');
    const { values } = checkEpisode({ ...draft, endedAt: '2026-03-21T09:15' }, 'm', true, now);
    expect(values).toEqual({
      startedAt: '2026-03-20T22:00:00.000Z',
      endedAt: '2026-03-21T09:15:00.000Z',
      reportedBy: 'School',
      whereFound: null,
      returnInterviewOffered: false,
      returnInterviewDone: false,
    });
  });
});
