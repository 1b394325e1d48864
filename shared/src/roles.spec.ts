import { describe, expect, it } from 'vitest';
import { AREAS, areasFor, isRole, ROLES } from './roles.js';

describe('areasFor', () => {
  it('gives the admin only the home page and the admin areas, never case data', () => {
    expect(areasFor('ADMIN').map((a) => a.key)).toEqual(['home', 'users', 'agencies', 'boundaries', 'audit']);
  });
  it('never gives an agency lead the list or police intelligence', () => {
    const keys = areasFor('AGENCY_LEAD').map((a) => a.key);
    expect(keys).not.toContain('list');
    expect(keys).not.toContain('intelligence');
    expect(keys).toContain('returns');
  });
  it('gives every role a home page and every area at least one role', () => {
    for (const role of ROLES) expect(areasFor(role)[0]?.key).toBe('home');
    for (const area of AREAS) expect(area.roles.length).toBeGreaterThan(0);
  });
});

describe('isRole', () => {
  it('recognises only the six roles', () => {
    expect(isRole('CO_CHAIR')).toBe(true);
    expect(isRole('SUPERUSER')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
