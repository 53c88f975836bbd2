import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Sector, Stance } from '@yoriai/domain';
import { SectorEnum, StanceEnum } from '../../common/graphql/enums';
import { SectorShareModel } from '../analytics/analytics.model';

@ObjectType('StanceCount')
export class StanceCountModel {
  @Field(() => StanceEnum)
  stance: Stance;

  @Field(() => Int)
  count: number;
}

@ObjectType('Theme', { description: 'A theme of the comments (広聴): what is being said, by which sectors, with which stance' })
export class ThemeModel {
  @Field(() => ID, { description: 'Stable: the same comments give the same id; it names the scope (proposal, meeting, process or pillar)' })
  id: string;

  @Field({ description: "Key phrases joined by ・, or the facilitator's label" })
  label: string;

  @Field({ description: 'The label was set by a facilitator' })
  renamed: boolean;

  @Field(() => [String])
  keyPhrases: string[];

  @Field(() => Int)
  size: number;

  @Field(() => [ID], { description: 'Visible comments of the theme, oldest first' })
  commentIds: string[];

  @Field(() => [SectorShareModel], { description: 'Sectors with at least 3 authors in the theme; target = the sector’s share of all comments in scope' })
  sectors: SectorShareModel[];

  @Field(() => [SectorEnum], { description: 'Sectors raising the theme through fewer than 3 people (named, not counted)' })
  smallSectors: Sector[];

  @Field(() => [SectorEnum], { description: 'Sectors that commented in scope but not on this theme (who is silent on it)' })
  silentSectors: Sector[];

  @Field(() => [StanceCountModel])
  stances: StanceCountModel[];

  @Field({ description: 'Raised by at least 3 sectors and at least half of the sectors commenting' })
  bridging: boolean;

  @Field({ description: "Two sectors' support shares (support / (support + concern)) differ by half or more" })
  divide: boolean;

  @Field(() => [Int], { description: 'Comments per sixth of the scope’s time span, first to last comment' })
  trend: number[];

  // Not GraphQL fields: representatives resolves from these.
  processId: string;
  representativeIds: string[];
}
