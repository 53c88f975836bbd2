import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import type { Ballot, DecisionRule, VoteChoice } from '@yoriai/domain';
import { BALLOTS, DECISION_RULES, VOTE_CHOICES } from '@yoriai/domain';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { BallotEnum, DecisionRuleEnum, VoteChoiceEnum } from '../../../common/graphql/enums';

/** PostgreSQL text cannot hold NUL; refusing it here keeps it a typed input error, not a database error. */
// eslint-disable-next-line no-control-regex -- matching the NUL control character is the point
export const NO_NUL = /^[^\u0000]*$/;
/** Client request ids: what a browser's crypto.randomUUID() or a ULID produces, and nothing that needs escaping. */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]+$/;

@InputType()
export class OpenVotingInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => DecisionRuleEnum, { nullable: true, description: "Default: the process's default rule" })
  @IsOptional()
  @IsIn([...DECISION_RULES])
  rule?: DecisionRule | null;

  // Ranges are checked by libs/domain normalizeRuleParams (INVALID_RULE_PARAMS), not here, so the
  // message names the parameter the way the rule documentation does.
  @Field(() => Float, { nullable: true, description: 'Agree share required, in (0, 1]; default per rule (SUPERMAJORITY 2/3, CONSENSUS 3/4, CROSS_SECTOR 0.6)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  threshold?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minimum votes cast (abstentions included); default 0 = none' })
  @IsOptional()
  @IsInt()
  quorum?: number | null;

  @Field(() => Int, { nullable: true, description: 'CROSS_SECTOR: minimum number of sectors taking a position, 1–7 (default 4)' })
  @IsOptional()
  @IsInt()
  minSectors?: number | null;

  @Field(() => BallotEnum, { nullable: true, description: "Default: the process's default ballot" })
  @IsOptional()
  @IsIn([...BALLOTS])
  ballot?: Ballot | null;
}

@InputType()
export class CastVoteInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => VoteChoiceEnum)
  @IsIn([...VOTE_CHOICES])
  choice: VoteChoice;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NO_NUL, { message: 'reason must not contain NUL characters' })
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Made by the client before the first send and reused on every retry (≤ 64 of A–Z a–z 0–9 . _ : -); a retry returns the stored vote',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(CLIENT_REQUEST_ID, { message: 'clientRequestId may only contain A–Z, a–z, 0–9, ".", "_", ":" and "-"' })
  clientRequestId?: string | null;
}

@InputType()
export class CastProxyVoteInput extends CastVoteInput {
  @Field(() => ID, { description: 'The member whose paper ballot is entered' })
  @IsUUID()
  participantId: string;
}
