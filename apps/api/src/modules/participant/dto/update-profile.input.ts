import { Field, InputType } from '@nestjs/graphql';
import { AGE_BANDS, GENDERS } from '@yoriai/domain';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organization?: string | null;

  @Field(() => String, { nullable: true, description: 'ja or en' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  locale?: string | null;

  @Field(() => String, { nullable: true, description: `Opt-in: one of ${AGE_BANDS.join(', ')}; null clears it` })
  @IsOptional()
  @IsIn([...AGE_BANDS])
  ageBand?: string | null;

  @Field(() => String, { nullable: true, description: `Opt-in: one of ${GENDERS.join(', ')}; null clears it` })
  @IsOptional()
  @IsIn([...GENDERS])
  gender?: string | null;
}
