import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Actor } from './actor.js';

export type RequestWithActor = Request & { actor?: Actor };

export function requestOf(ctx: ExecutionContext): RequestWithActor {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ req: RequestWithActor }>().req;
  }
  return ctx.switchToHttp().getRequest<RequestWithActor>();
}

/** The signed-in user, as established by AccessGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = requestOf(ctx).actor;
  if (!actor) throw new Error('CurrentActor used on a handler that is not behind the AccessGuard');
  return actor;
});
