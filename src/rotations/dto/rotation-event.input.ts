import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUrl, Matches, ValidateNested } from 'class-validator';
import { TimeOfDayScalar } from '../../common/scalars/time-of-day.scalar.js';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { OptionalText, RequiredText, DatabaseId } from '../../common/validators.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';

export const MAX_TRANSFERS = 10_000;
@InputType({ description: 'One row of the lampiran: who, from which post (optional: derived), to which post (none: leaves office).' })
export class TransferInput {
  @Field(() => ID, { nullable: true, description: 'The official, by id; or give nip.' })
  @IsOptional()
  @DatabaseId()
  officialId?: string | null;

  @Field(() => String, { nullable: true, description: 'The official, by NIP; or give officialId.' })
  @IsOptional()
  @Matches(/^[0-9]{18}$/, { message: 'nip must be 18 digits' })
  nip?: string | null;

  @Field(() => ID, { nullable: true, description: 'The post the decree says the official leaves; checked against the history. Omit to derive it.' })
  @IsOptional()
  @DatabaseId()
  fromPositionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the same post by code.' })
  @IsOptional()
  @OptionalText(50)
  fromPositionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The destination post; omit (with toPositionCode) when the official leaves office.' })
  @IsOptional()
  @DatabaseId()
  toPositionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the destination by code.' })
  @IsOptional()
  @OptionalText(50)
  toPositionCode?: string | null;

  @Field(() => TransferKind, { nullable: true, description: 'Derived from the posts when omitted; a stated kind the posts contradict is a warning.' })
  @IsOptional()
  @IsEnum(TransferKind)
  kind?: TransferKind | null;

  @Field(() => Capacity, { nullable: true, description: 'DEFINITIVE unless the kind is ACTING_START/ACTING_END (then ACTING).' })
  @IsOptional()
  @IsEnum(Capacity)
  capacity?: Capacity | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @OptionalText(2000)
  note?: string | null;
}

@InputType({ description: 'A swearing-in and its decree, with the lampiran in order.' })
export class RotationEventInput {
  @Field({ description: 'e.g. "Pelantikan dan Pengambilan Sumpah/Janji Pejabat Administrator, Pengawas, dan Fungsional".' })
  @RequiredText(500)
  title: string;

  @Field({ description: 'Who issued the decree, e.g. "Wali Kota Bekasi".' })
  @RequiredText(255)
  issuer: string;

  @Field(() => String, { nullable: true, description: 'Who signed the decree, by name, e.g. "Tri Adhianto".' })
  @IsOptional()
  @OptionalText(255)
  signatoryName?: string | null;

  @Field(() => String, { nullable: true, description: 'The signatory\'s office, e.g. "Wali Kota Bekasi".' })
  @IsOptional()
  @OptionalText(255)
  signatoryTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Nomor SK; unique per issuer.' })
  @IsOptional()
  @OptionalText(255)
  decreeNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Tanggal SK.' })
  @IsOptional()
  decreeDate?: string | null;

  @Field(() => DateScalar, { description: 'Day of the ceremony.' })
  swornInOn: string;

  @Field(() => TimeOfDayScalar, { nullable: true, description: 'When the ceremony began, local time, HH:MM (e.g. 14:00).' })
  @IsOptional()
  swornInAt?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'TMT; defaults to swornInOn.' })
  @IsOptional()
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the ceremony was held; its time goes in swornInAt.' })
  @IsOptional()
  @OptionalText(500)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'sourceUrl must be an http(s) URL' })
  @OptionalText(2000)
  sourceUrl?: string | null;

  @Field(() => [TransferInput], { description: `The lampiran, in order: 1 to ${MAX_TRANSFERS} rows.` })
  @ValidateNested({ each: true })
  @Type(() => TransferInput)
  @ArrayMinSize(1, { message: 'transfers must have at least one row' })
  @ArrayMaxSize(MAX_TRANSFERS, { message: `transfers may have at most ${MAX_TRANSFERS} rows` })
  transfers: TransferInput[];
}
