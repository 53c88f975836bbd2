import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Sector, Stance } from '@yoriai/domain';
import { SectorEnum, StanceEnum } from '../../common/graphql/enums';

@ObjectType('Comment', { description: 'A threaded comment with a stance; hidden comments keep their place' })
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  proposalId: string;

  @Field(() => ID, { nullable: true, description: 'The comment this replies to; null for a top-level comment' })
  parentId: string | null;

  @Field(() => StanceEnum)
  stance: Stance;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true, description: "The moderator's reason, visible to everyone" })
  hiddenReason: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  hiddenAt: Date | null;

  @Field(() => SectorEnum, { description: "The author's sector when the comment was written" })
  authorSector: Sector;

  @Field(() => Int, { description: 'The proposal version the comment was written against' })
  proposalVersion: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  // Not GraphQL fields: body (resolved with the moderation rule), author and replies use these.
  processId: string;
  authorId: string;
  storedBody: string;
}
