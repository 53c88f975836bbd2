import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Sector, Stance } from '@yoriai/domain';
import { SectorEnum, StanceEnum } from '../../common/graphql/enums';
import { ParticipantModel } from '../participant/participant.model';

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

  // body, author and replyCount are filled in when the comment is read (CommentThreadLoader), so
  // graphql-js reads them as it reads the fields above: no resolver call or promise per comment.
  @Field(() => String, { nullable: true, description: 'Markdown source; null when hidden, unless the viewer may hide comments' })
  body: string | null;

  @Field(() => ParticipantModel, { description: 'The author (name and organisation only)' })
  author: ParticipantModel;

  @Field(() => Int, { description: 'Number of direct replies' })
  replyCount: number;

  // Not GraphQL fields.
  processId: string;
  /** Its direct replies, oldest first, when it was read with its whole thread (Comment.replies pages them). */
  loadedReplies?: ReadonlyArray<CommentModel>;
}
