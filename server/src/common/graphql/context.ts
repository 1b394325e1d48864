import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor.js';
import type { Loaders } from './loaders.js';

export interface GqlContext {
  req: Request & { actor?: Actor };
  res: Response;
  loaders: Loaders;
}
