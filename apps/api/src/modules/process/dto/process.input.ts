import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { Ballot, DecisionRule, Role, Sector } from '@yoriai/domain';
import { BALLOTS, DECISION_RULES, ROLES, SECTORS } from '@yoriai/domain';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { IsEmailAddress } from '../../../common/validation/is-email-address';
import { BallotEnum, DecisionRuleEnum, RoleEnum, SectorEnum } from '../../../common/graphql/enums';

@InputType()
export class CreateProcessInput {
  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true, description: 'Markdown, up to 20,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => DecisionRuleEnum, { nullable: true, description: 'Default CROSS_SECTOR' })
  @IsOptional()
  @IsIn([...DECISION_RULES])
  defaultRule?: DecisionRule | null;

  @Field(() => BallotEnum, { nullable: true, description: 'Default OPEN' })
  @IsOptional()
  @IsIn([...BALLOTS])
  defaultBallot?: Ballot | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true' })
  @IsOptional()
  @IsBoolean()
  dissentNamed?: boolean | null;

  @Field(() => SectorEnum, { nullable: true, description: "The creator's own sector in the process (default GOVERNMENT)" })
  @IsOptional()
  @IsIn([...SECTORS])
  sector?: Sector | null;

  @Field(() => Boolean, { nullable: true, description: 'Seed the five pillars of 地方創生2.0 (default true)' })
  @IsOptional()
  @IsBoolean()
  defaultPillars?: boolean | null;
}

@InputType()
export class UpdateProcessInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => DecisionRuleEnum, { nullable: true })
  @IsOptional()
  @IsIn([...DECISION_RULES])
  defaultRule?: DecisionRule | null;

  @Field(() => BallotEnum, { nullable: true })
  @IsOptional()
  @IsIn([...BALLOTS])
  defaultBallot?: Ballot | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  dissentNamed?: boolean | null;
}

/** A pillar's names, the same when it is added and when it is renamed. */
@InputType({ isAbstract: true })
abstract class PillarNamesInput {
  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  titleEn?: string | null;
}

@InputType()
export class AddPillarInput extends PillarNamesInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => Int, { nullable: true, description: '1-based position; default: last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number | null;
}

@InputType()
export class RenamePillarInput extends PillarNamesInput {
  @Field(() => ID)
  @IsUUID()
  pillarId: string;
}

@InputType()
export class ReorderPillarsInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => [ID], { description: 'Every pillar id of the process, in the new order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  pillarIds: string[];
}

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => String, {
    nullable: true,
    deprecationReason: 'Refused (BAD_USER_INPUT ADD_BY_EMAIL_RETIRED) for every address: use inviteMember, which the person accepts',
  })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  participantId?: string | null;

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
