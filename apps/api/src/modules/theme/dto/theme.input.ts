import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, Length } from 'class-validator';

@ArgsType()
export class RenameThemeArgs {
  @Field(() => ID)
  @IsString()
  @Length(1, 120)
  themeId: string;

  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200)
  label: string;
}

@ArgsType()
export class MergeThemesArgs {
  @Field(() => [ID], { description: 'Themes of one scope; the first keeps its id and label' })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  themeIds: string[];
}
