import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ObjectType({ description: 'A new authenticator secret, shown once while setting up two-step verification' })
export class MfaEnrolment {
  @Field(() => String, { description: 'The secret (base32), for typing into an app that cannot scan the QR code' })
  secret: string;

  @Field(() => String, { description: 'The otpauth:// address the QR code holds' })
  otpauthUri: string;

  @Field(() => String, { description: 'The QR code as a PNG data: URL' })
  qrCodeDataUrl: string;
}

@ObjectType({ description: 'Single-use recovery codes, shown only once, when two-step verification is turned on' })
export class MfaRecoveryCodes {
  @Field(() => [String])
  recoveryCodes: string[];
}

@InputType()
export class MfaCodeInput {
  @Field(() => String, { description: 'The 6-digit code the authenticator app shows now' })
  @IsString()
  @MaxLength(20)
  code: string;
}

@InputType({ description: 'The second step of signing in: a code from the authenticator app, or one recovery code' })
export class VerifyMfaInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string | null;
}

@ObjectType('UserSession', { description: 'A place where the signed-in user is signed in' })
export class UserSessionType {
  @Field(() => ID)
  id: string;

  @Field(() => Date, { description: 'When they signed in there' })
  createdAt: Date;

  @Field(() => Date)
  lastSeenAt: Date;

  @Field(() => Date, { description: 'When the session ends at the latest, whatever the activity' })
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @Field(() => String, { nullable: true, description: 'The browser, as it described itself' })
  userAgent: string | null;

  @Field(() => Boolean, { description: 'True for the session making this request' })
  current: boolean;
}
