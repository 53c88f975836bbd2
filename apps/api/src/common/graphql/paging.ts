import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { badInput } from '../errors/domain-error';

export const MAX_PAGE = 200;

/** Every list is paged and bounded (STYLE.md): first ≤ 200, offset ≥ 0. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: `Page size, 1–${MAX_PAGE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first = 50;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  offset = 0;
}

/**
 * A page read from graphql-js's own arguments (already Int-coerced, defaults applied), bounded as
 * PageArgs is — for field resolvers that run once per parent (e.g. Comment.replies on a page of 200
 * comments), where validating a PageArgs class per call through the global ValidationPipe costs
 * more than the field itself.
 */
export function pageOf(args: { first?: number | null; offset?: number | null }): { first: number; offset: number } {
  const page = pageWithin(args);
  if (page) return page;
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('VALIDATION_FAILED', `first は 1〜${MAX_PAGE} で指定してください。`, `first must be between 1 and ${MAX_PAGE}.`, { first });
  throw badInput('VALIDATION_FAILED', 'offset は 0 以上で指定してください。', 'offset must be 0 or more.', { offset: args.offset ?? 0 });
}

/** The page if the arguments are within PageArgs' bounds, else null (pageOf says why). */
export function pageWithin(args: { first?: number | null; offset?: number | null }): { first: number; offset: number } | null {
  const first = args.first ?? 50;
  const offset = args.offset ?? 0;
  return Number.isInteger(first) && first >= 1 && first <= MAX_PAGE && Number.isInteger(offset) && offset >= 0 ? { first, offset } : null;
}
