import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import type { Stance } from '@yoriai/domain';
import { STANCES } from '@yoriai/domain';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { StanceEnum } from '../../../common/graphql/enums';

export const COMMENT_LIMITS = { body: 5000, reason: 500, clientRequestId: 64 } as const;

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => ID, { nullable: true, description: 'Reply to this comment (of the same proposal)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => StanceEnum)
  @IsIn([...STANCES])
  stance: Stance;

  @Field({ description: 'Markdown, 1–5,000 characters (stored verbatim; clients render it without raw HTML)' })
  @IsString()
  @Length(1, COMMENT_LIMITS.body)
  body: string;

  @Field(() => String, { nullable: true, description: 'Client-generated id (e.g. a UUID) reused on every retry; a retry returns the stored comment' })
  @IsOptional()
  @IsString()
  @Length(1, COMMENT_LIMITS.clientRequestId)
  clientRequestId?: string | null;
}

@ArgsType()
export class HideCommentArgs {
  @Field(() => ID)
  @IsUUID()
  commentId: string;

  @Field({ description: 'Why the comment is hidden, 1–500 characters; shown to everyone' })
  @IsString()
  @Length(1, COMMENT_LIMITS.reason)
  reason: string;
}
