import { isRole, type Role } from '@mase/shared';
import { createHash } from 'node:crypto';

/** Every setting, read once from the environment. README's "Configuration" table lists them. */
export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Folder of the built client, served at `/`; null to serve the API only. */
  clientDist: string | null;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Roles whose users must turn on two-step verification (TOTP) before they can do anything else. */
  mfaRequiredRoles: readonly Role[];
  /** 32 bytes: encrypts TOTP secrets at rest (AES-256-GCM) and keys the recovery-code hashes. */
  mfaEncryptionKey: Buffer;
  /** A tile layer under the map's ward boundaries; null (the default) for none. */
  mapTiles: MapTilesConfig | null;
}

export interface MapTilesConfig {
  /** Leaflet URL template: `{z}`, `{x}` and `{y}`, optionally `{s}` (subdomain) and `{r}` (retina). */
  urlTemplate: string;
  /** Plain text shown on the map, as the tile provider's terms require. */
  attribution: string;
  /** The CSP source the tiles are fetched from (`https://*.tiles.example` for a `{s}` subdomain). */
  origin: string;
}

/**
 * `MAP_TILE_URL` and `MAP_TILE_ATTRIBUTION`: both or neither. The URL must be http(s) with `{z}`,
 * `{x}` and `{y}`, and placeholders only where Leaflet fills them; its origin goes into the CSP, so
 * nothing that could widen the policy is accepted.
 */
export function mapTiles(rawUrl: string | undefined, rawAttribution: string | undefined): MapTilesConfig | null {
  const urlTemplate = rawUrl?.trim() ?? '';
  const attribution = rawAttribution?.trim() ?? '';
  if (!urlTemplate) {
    if (attribution) throw new Error('MAP_TILE_ATTRIBUTION is set but MAP_TILE_URL is not: set both, or neither for a map without tiles');
    return null;
  }
  const shape = /^(https?):\/\/((?:\{s\}\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)(\/[^\s;,'"]*)$/i.exec(urlTemplate);
  if (!shape) throw new Error(`MAP_TILE_URL must be an http or https URL template such as https://tiles.example/{z}/{x}/{y}.png (got "${urlTemplate}")`);
  const [, scheme, host, path] = shape;
  if (!['{z}', '{x}', '{y}'].every((p) => path.includes(p))) throw new Error('MAP_TILE_URL must contain {z}, {x} and {y}');
  const unknown = (path.match(/\{[^}]*\}/g) ?? []).filter((p) => !['{z}', '{x}', '{y}', '{s}', '{r}'].includes(p));
  if (unknown.length) throw new Error(`MAP_TILE_URL has placeholders Leaflet does not fill: ${unknown.join(', ')}`);
  if (!attribution) throw new Error('MAP_TILE_ATTRIBUTION must be set with MAP_TILE_URL: the tile provider\'s attribution, shown on the map');
  if (attribution.length > 300) throw new Error('MAP_TILE_ATTRIBUTION must be at most 300 characters');
  return { urlTemplate, attribution, origin: `${scheme.toLowerCase()}://${host.toLowerCase().replace('{s}', '*')}` };
}

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false (got "${raw}")`);
}

/** Roles that must use two-step verification when MFA_REQUIRED_ROLES is not set. */
export const DEFAULT_MFA_REQUIRED_ROLES: { production: readonly Role[]; other: readonly Role[] } = {
  production: ['ADMIN', 'CO_CHAIR'],
  other: [],
};

/** `MFA_REQUIRED_ROLES`: a comma-separated list of roles, or `none`. */
export function mfaRequiredRoles(raw: string | undefined, production: boolean): readonly Role[] {
  if (raw === undefined || raw.trim() === '') return production ? DEFAULT_MFA_REQUIRED_ROLES.production : DEFAULT_MFA_REQUIRED_ROLES.other;
  if (/^none$/i.test(raw.trim())) return [];
  const roles = raw.split(',').map((r) => r.trim().toUpperCase()).filter(Boolean);
  const wrong = roles.filter((r) => !isRole(r));
  if (wrong.length) throw new Error(`MFA_REQUIRED_ROLES must list roles separated by commas, or be "none" (unknown: ${wrong.join(', ')})`);
  return [...new Set(roles as Role[])];
}

/**
 * `MFA_ENCRYPTION_KEY`: 32 random bytes as base64 or 64 hexadecimal digits (`openssl rand -base64 32`).
 * Outside production a fixed development key is used when it is not set; production refuses to start.
 */
export function mfaEncryptionKey(raw: string | undefined, production: boolean): Buffer {
  const value = raw?.trim();
  if (!value) {
    if (production) {
      throw new Error('MFA_ENCRYPTION_KEY must be set in production: 32 random bytes as base64 or hex (for example: openssl rand -base64 32)');
    }
    return createHash('sha256').update('MASE Hub development key for two-step verification secrets: not for production', 'utf8').digest();
  }
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(value) && key.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, ''))) {
    throw new Error('MFA_ENCRYPTION_KEY must be 32 bytes, written as base64 (44 characters) or hex (64 characters)');
  }
  return key;
}

export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const production = overrides.production ?? process.env.NODE_ENV === 'production';
  return {
    production,
    port: int('PORT', 3000, 0, 65535),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || undefined,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    cookieSecure: bool('COOKIE_SECURE', true),
    trustProxy: bool('TRUST_PROXY', false),
    clientDist: null,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 5_000_000, 1_000, 50_000_000),
    mfaRequiredRoles: overrides.mfaRequiredRoles ?? mfaRequiredRoles(process.env.MFA_REQUIRED_ROLES, production),
    mfaEncryptionKey: overrides.mfaEncryptionKey ?? mfaEncryptionKey(process.env.MFA_ENCRYPTION_KEY, production),
    mapTiles: overrides.mapTiles !== undefined ? overrides.mapTiles : mapTiles(process.env.MAP_TILE_URL, process.env.MAP_TILE_ATTRIBUTION),
    ...overrides,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
