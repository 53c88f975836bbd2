import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SECTORS, type Sector } from '@yoriai/domain';
import { ArrayMaxSize, IsIn, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { SectorEnum } from '../../common/graphql/enums';

@ObjectType('AgreementCell', { description: 'Agree share of one sector on one proposal (agree / non-abstaining)' })
export class AgreementCellModel {
  @Field(() => ID)
  proposalId: string;

  @Field(() => ID)
  pillarId: string;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Float, { nullable: true, description: 'null when the sector took no position, or when suppressed' })
  agreeShare: number | null;

  @Field(() => Int)
  voters: number;

  @Field({ description: 'Secret ballot: the sector is not shown on its own in the tally (fewer than 3 voters, or pooled with such sectors), so it is hidden and no vote can be inferred' })
  suppressed: boolean;
}

@ObjectType('SectorShare', { description: "A sector's share of the counted people against the organiser's target" })
export class SectorShareModel {
  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Int)
  count: number;

  @Field(() => Float)
  share: number;

  @Field(() => Float)
  target: number;

  @Field({ description: 'share < target / 2' })
  underRepresented: boolean;
}

@ObjectType('GroupAgreement')
export class GroupAgreementModel {
  @Field(() => ID)
  proposalId: string;

  @Field(() => Float, { nullable: true })
  agreeShare: number | null;

  @Field(() => Int)
  voters: number;
}

@ObjectType('SectorCount')
export class SectorCountModel {
  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Int)
  count: number;
}

@ObjectType('OpinionGroup', { description: 'Participants who vote alike (PCA + k-means over open-ballot votes); members are not listed' })
export class OpinionGroupModel {
  @Field(() => Int)
  id: number;

  @Field(() => Int)
  size: number;

  @Field(() => [SectorCountModel], { description: 'Declared sectors of the members' })
  sectors: SectorCountModel[];

  @Field(() => [GroupAgreementModel])
  agreement: GroupAgreementModel[];
}

@ObjectType('SplitSector', { description: 'A declared sector whose members fall into different opinion groups' })
export class SplitSectorModel {
  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Int)
  members: number;

  @Field(() => Float, { description: 'Share of the sector in its largest opinion group' })
  largestGroupShare: number;
}

@ObjectType('BridgingRank', { description: 'Proposals every sector can live with rank first' })
export class BridgingRankModel {
  @Field(() => ID)
  proposalId: string;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Int)
  voters: number;
}

@ObjectType('CrossPillarCell', { description: "A sector's mean agree share over a pillar's proposals" })
export class CrossPillarCellModel {
  @Field(() => ID)
  pillarId: string;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => Float, { nullable: true })
  meanAgreeShare: number | null;

  @Field(() => Int)
  proposals: number;
}

@ObjectType('InclusionFigure')
export class InclusionFigureModel {
  @Field(() => Float, { nullable: true })
  share: number | null;

  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Int, { description: 'People who reported this attribute' })
  base: number;

  @Field({ description: 'Fewer than 5 people: not shown' })
  suppressed: boolean;
}

@ObjectType('Inclusion', { description: 'Opt-in, self-reported; groups under 5 are suppressed' })
export class InclusionModel {
  @Field(() => Int)
  participants: number;

  @Field(() => InclusionFigureModel, { description: 'Under 40' })
  youth: InclusionFigureModel;

  @Field(() => InclusionFigureModel)
  women: InclusionFigureModel;
}

@ObjectType('SectorWeightedTally', { description: 'Each sector that took a position counts equally; shown beside the raw numbers, never instead' })
export class SectorWeightedTallyModel {
  @Field(() => Float, { nullable: true })
  agreeShare: number | null;

  @Field(() => Float, { nullable: true })
  rawAgreeShare: number | null;

  @Field(() => Int)
  sectors: number;
}

@InputType()
export class SectorTargetInput {
  @Field(() => SectorEnum)
  @IsIn([...SECTORS])
  sector: Sector;

  @Field(() => Float, { description: 'Relative weight ≥ 0 (targets are normalised to sum to 1)' })
  @IsNumber()
  @Min(0)
  @Max(1000)
  weight: number;
}

@InputType()
export class SetRepresentationTargetsInput {
  @Field(() => ID)
  @IsUUID()
  processId: string;

  @Field(() => [SectorTargetInput], { description: 'Sectors not listed keep the default (equal over 産官学金労言, residents 0); an empty list restores the default' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => SectorTargetInput)
  targets: SectorTargetInput[];
}

export enum RepresentationBasisEnum {
  MEMBERS = 'MEMBERS',
  VOTERS = 'VOTERS',
}
registerEnumType(RepresentationBasisEnum, { name: 'RepresentationBasis', description: 'Who is counted: members of the process, or voters of its latest rounds' });
