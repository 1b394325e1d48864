import type { Role } from '@mase/shared';
import type { Request } from 'express';

/** The signed-in user, as every service sees them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  sessionId: string;
  mustChangePassword: boolean;
  /** Their role must use two-step verification and they have not set it up: nothing else until they do. */
  mfaSetupRequired?: boolean;
  ip: string | null;
}

export interface AuthState {
  actor: Actor;
}

export type AuthedRequest = Request & { authState?: Promise<AuthState | null> };

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
