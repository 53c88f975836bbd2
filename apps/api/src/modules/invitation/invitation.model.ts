import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { Role, Sector } from '@yoriai/domain';
import { RoleEnum, SectorEnum } from '../../common/graphql/enums';

@ObjectType('Invitation', { description: 'An invitation into a process, as the invited person sees it (myInvitations)' })
export class InvitationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  processId: string;

  @Field()
  processTitle: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field({ description: 'Display name of the organiser who invited' })
  invitedBy: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;
}

@ObjectType('ProcessInvitation', { description: 'A pending invitation of a process, as its organisers see it' })
export class ProcessInvitationModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The address the organiser typed (whether it has an account is never shown)' })
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;
}
