import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Role, UserStatus } from '@mase/shared';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, USER_STATUSES } from '@mase/shared';
import { RoleEnum, UserStatusEnum } from '../../../common/graphql/enums.js';
import { ConnectionOf } from '../../../common/graphql/pagination.js';
import { UserEntity } from '../user.entity.js';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  name: string;

  @Field(() => String)
  @IsString()
  @MaxLength(1000)
  email: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for agency leads and police users' })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read: a newer one means someone else changed the user' })
  @IsInt()
  version: number;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  name: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;
}

@InputType()
export class SetUserStatusInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => UserStatusEnum)
  @IsIn(USER_STATUSES)
  status: UserStatus;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

@InputType()
export class UsersFilter {
  @Field(() => String, { nullable: true, description: 'Part of a name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role | null;

  @Field(() => UserStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;
}

@ObjectType({ description: 'A user and the one-time password to give them; it is shown only here, once' })
export class UserWithTemporaryPassword {
  @Field(() => UserEntity)
  user: UserEntity;

  @Field(() => String, { description: 'They must choose their own password when they first sign in with it' })
  temporaryPassword: string;
}

export const UserConnection = ConnectionOf(UserEntity, 'User');
