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

export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    production: process.env.NODE_ENV === 'production',
    port: int('PORT', 3000, 0, 65535),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || undefined,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    cookieSecure: bool('COOKIE_SECURE', true),
    trustProxy: bool('TRUST_PROXY', false),
    clientDist: null,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 5_000_000, 1_000, 50_000_000),
    ...overrides,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
