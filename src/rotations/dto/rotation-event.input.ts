import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { TimeOfDayScalar } from '../../common/scalars/time-of-day.scalar.js';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { CappedText } from '../../common/validators.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';

export const MAX_TRANSFERS = 10_000;
/** A post code's length (positions.code): a longer one names no post. */
export const MAX_CODE = 50;
export const MAX_NOTE = 2000;
/** The event's text fields and their lengths (the columns'); title and issuer are required. */
export const EVENT_TEXT = { title: 500, issuer: 255, signatoryName: 255, signatoryTitle: 255, decreeNumber: 255, location: 500, sourceUrl: 2000 } as const;
/** Ten times a field's own limit: longer is refused before the recorder runs, as hostile input. */
const cap = (limit: number) => limit * 10;

/*
 * The fields carry only the bound against hostile input (and GraphQL's own types: IDs and
 * strings are checked by the input guard, enums and dates by GraphQL). Their form (an 18-digit
 * NIP, a code of at most 50 characters, a title that is not blank, …) is checked by the
 * recorder (recording/row-input.ts, eventInputProblems), so a malformed row or field is one
 * problem of the submission, reported with every other.
 */
@InputType({ description: 'One row of the lampiran: who, from which post (optional: derived), to which post (none: leaves office).' })
export class TransferInput {
  @Field(() => ID, { nullable: true, description: 'The official, by id; or give nip.' })
  officialId?: string | null;

  @Field(() => String, { nullable: true, description: 'The official, by NIP (18 digits); or give officialId.' })
  @IsOptional()
  @CappedText(cap(18))
  nip?: string | null;

  @Field(() => ID, { nullable: true, description: 'The post the decree says the official leaves; checked against the history. Omit to derive it.' })
  fromPositionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the same post by code.' })
  @IsOptional()
  @CappedText(cap(MAX_CODE))
  fromPositionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The destination post; omit (with toPositionCode) when the official leaves office.' })
  toPositionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the destination by code.' })
  @IsOptional()
  @CappedText(cap(MAX_CODE))
  toPositionCode?: string | null;

  @Field(() => TransferKind, { nullable: true, description: 'Derived from the posts when omitted; a stated kind the posts contradict is a warning.' })
  kind?: TransferKind | null;

  @Field(() => Capacity, { nullable: true, description: 'DEFINITIVE unless the kind is ACTING_START/ACTING_END (then ACTING).' })
  capacity?: Capacity | null;

  @Field(() => String, { nullable: true, description: `At most ${MAX_NOTE} characters.` })
  @IsOptional()
  @CappedText(cap(MAX_NOTE))
  note?: string | null;
}

@InputType({ description: 'A swearing-in and its decree, with the lampiran in order.' })
export class RotationEventInput {
  @Field({ description: 'e.g. "Pelantikan dan Pengambilan Sumpah/Janji Pejabat Administrator, Pengawas, dan Fungsional".' })
  @CappedText(cap(EVENT_TEXT.title))
  title: string;

  @Field({ description: 'Who issued the decree, e.g. "Wali Kota Bekasi".' })
  @CappedText(cap(EVENT_TEXT.issuer))
  issuer: string;

  @Field(() => String, { nullable: true, description: 'Who signed the decree, by name, e.g. "Tri Adhianto".' })
  @IsOptional()
  @CappedText(cap(EVENT_TEXT.signatoryName))
  signatoryName?: string | null;

  @Field(() => String, { nullable: true, description: 'The signatory\'s office, e.g. "Wali Kota Bekasi".' })
  @IsOptional()
  @CappedText(cap(EVENT_TEXT.signatoryTitle))
  signatoryTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Nomor SK; unique per issuer.' })
  @IsOptional()
  @CappedText(cap(EVENT_TEXT.decreeNumber))
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
  @CappedText(cap(EVENT_TEXT.location))
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL.' })
  @IsOptional()
  @CappedText(cap(EVENT_TEXT.sourceUrl))
  sourceUrl?: string | null;

  @Field(() => [TransferInput], { description: `The lampiran, in order: 1 to ${MAX_TRANSFERS} rows.` })
  @ValidateNested({ each: true })
  @Type(() => TransferInput)
  @ArrayMinSize(1, { message: 'transfers must have at least one row' })
  @ArrayMaxSize(MAX_TRANSFERS, { message: `transfers may have at most ${MAX_TRANSFERS} rows` })
  transfers: TransferInput[];
}
