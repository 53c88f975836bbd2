import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../../../common/validation/is-email-address';

@InputType()
export class SignUpInput {
  @Field()
  @IsEmailAddress({ message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;

  @Field({ description: '10–200 characters' })
  @IsString()
  @Length(10, 200, { message: 'password must be 10–200 characters' })
  password: string;

  @Field()
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1–100 characters' })
  displayName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organization?: string | null;

  @Field(() => String, { nullable: true, description: 'ja (default) or en' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  locale?: string | null;
}
