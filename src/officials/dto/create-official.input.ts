import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches, MaxLength } from 'class-validator';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { OptionalText, RequiredText, Trim } from '../../common/validators.js';
import { IsNip } from '../is-nip.validator.js';
import { Employment, Gender, Rank } from '../official.enums.js';

@InputType()
export class CreateOfficialInput {
  @Field(() => String, { nullable: true, description: '18-digit NIP; birth date, gender and employment are read from it.' })
  @Trim()
  @IsOptional()
  @IsNip()
  nip?: string | null;

  @Field({ description: 'The name without titles; a single word is fine.' })
  @RequiredText(150)
  @Matches(/^[^,0-9]*$/, { message: 'name must be written without titles or digits: put titles in honorificPrefix and honorificSuffix' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Gelar depan, e.g. "dr. H.".' })
  @IsOptional()
  @OptionalText(100)
  honorificPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Gelar belakang, e.g. "M.Kes." or "S.H., M.Si.".' })
  @IsOptional()
  @OptionalText(100)
  honorificSuffix?: string | null;

  @Field(() => Employment, { nullable: true, description: 'Defaults to what the NIP says, or PNS without a NIP.' })
  @IsOptional()
  @IsEnum(Employment)
  employment?: Employment;

  @Field(() => Rank, { nullable: true })
  @IsOptional()
  @IsEnum(Rank)
  rank?: Rank | null;

  @Field(() => Gender, { nullable: true, description: 'Only for officials without a NIP; otherwise read from it.' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only for officials without a NIP; otherwise read from it.' })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The government registering the official, by code or region code ("32.75"); may be left out when the key acts for one government only.',
  })
  @IsOptional()
  @MaxLength(50)
  government?: string | null;
}
