import { Field, ID, InputType } from '@nestjs/graphql';
import { ROLES, SECTORS, type Role, type Sector } from '@yoriai/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../../../common/validation/is-email-address';
import { RoleEnum, SectorEnum } from '../../../common/graphql/enums';

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field({ description: 'Whether or not this address has an account, the answer is the same' })
  @IsEmailAddress()
  @MaxLength(320)
  email: string;

  @Field(() => RoleEnum)
  @IsIn([...ROLES])
  role: Role;

  @Field(() => SectorEnum)
  @IsIn([...SECTORS])
  sector: Sector;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organization?: string | null;
}
