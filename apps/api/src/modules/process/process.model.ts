import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Ballot, DecisionRule, Role, Sector } from '@yoriai/domain';
import { BallotEnum, DecisionRuleEnum, RoleEnum, SectorEnum } from '../../common/graphql/enums';
import { ParticipantModel } from '../participant/participant.model';

@ObjectType('Pillar', { description: '柱: an ordered topic of a process (default: the five pillars of 地方創生2.0)' })
export class PillarModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  processId: string;

  @Field(() => Int)
  position: number;

  @Field(() => String, { nullable: true, description: 'Key of a default 地方創生2.0 pillar, null for added pillars' })
  key: string | null;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  titleEn: string | null;
}

@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  processId: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => String, { nullable: true })
  organization: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  // Resolved by MembershipResolver.
  participant?: ParticipantModel;
}

@ObjectType('Process', { description: '協議プロセス' })
export class ProcessModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => DecisionRuleEnum)
  defaultRule: DecisionRule;

  @Field(() => BallotEnum)
  defaultBallot: Ballot;

  @Field({ description: 'Whether dissenting voters are named in records and minutes (open ballots)' })
  dissentNamed: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
