import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../../common/auth/access.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { MfaService } from './mfa.service.js';
import { PasswordService } from './password.service.js';
import { SessionService } from './session.service.js';
import { SignInChallengeService } from './sign-in-challenge.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { TotpService } from './totp.service.js';

@Module({
  providers: [
    PasswordService,
    SessionService,
    SignInThrottleService,
    SignInChallengeService,
    TotpService,
    MfaService,
    AuthService,
    AuthResolver,
    // Deny by default, for every resolver and route in the application.
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordService, SessionService, SignInChallengeService, MfaService],
})
export class AuthModule {}
