import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(1000)
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(1024)
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  @Field(() => String)
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}
