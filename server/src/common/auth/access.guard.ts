import { ForbiddenException, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@mase/shared';
import { SessionService } from '../../modules/auth/session.service.js';
import { appError, forbidden, unauthenticated } from '../graphql/errors.js';
import { DURING_MFA_SETUP_KEY, DURING_PASSWORD_CHANGE_KEY, PUBLIC_KEY, ROLES_KEY } from './access.decorators.js';
import { requestOf } from './current-actor.decorator.js';

/**
 * Deny by default: every resolver, field resolver and HTTP route must declare who may call it
 * (@Roles / @AnySignedIn) or be explicitly @Public, or it is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isGraphql = ctx.getType<string>() === 'graphql';
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`${ctx.getClass().name}.${ctx.getHandler().name} declares no access rule: refused`);
      throw isGraphql ? forbidden() : new ForbiddenException();
    }
    const req = requestOf(ctx);
    const actor = req.actor ?? (await this.sessions.authenticate(req));
    if (!actor) {
      const reason = this.sessions.failureReason(req);
      throw isGraphql ? unauthenticated(reason) : new UnauthorizedException(reason);
    }
    req.actor = actor;
    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(DURING_PASSWORD_CHANGE_KEY, targets)) {
      const message = 'You must choose a new password before you can continue';
      throw isGraphql ? appError('PASSWORD_CHANGE_REQUIRED', message) : new ForbiddenException(message);
    }
    if (actor.mfaSetupRequired && !this.reflector.getAllAndOverride<boolean>(DURING_MFA_SETUP_KEY, targets)) {
      const message = 'You must set up two-step verification before you can continue';
      throw isGraphql ? appError('MFA_SETUP_REQUIRED', message) : new ForbiddenException(message);
    }
    if (!roles.includes(actor.role)) {
      throw isGraphql ? forbidden() : new ForbiddenException();
    }
    return true;
  }
}
