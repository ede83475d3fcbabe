import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum Severity {
  /** Nothing is written. */
  ERROR = 'ERROR',
  /** Written, and reported. */
  WARNING = 'WARNING',
}

registerEnumType(Severity, { name: 'Severity' });

/** A derived fact of a transfer: its origin, its kind, or the end of the acting period it starts. */
export type SideEffectField = 'origin' | 'kind' | 'actingEnd';

@ObjectType({ description: 'A derived fact of another recorded event that this recording, amendment or void changes (OTHER_EVENT_CHANGED).' })
export class SideEffect {
  @Field(() => ID, { description: 'The other event.' })
  eventId: string;

  @Field()
  eventTitle: string;

  @Field(() => String, { nullable: true })
  decreeNumber: string | null;

  @Field(() => Int, { description: "The row of the other event's lampiran (seq, from 1)." })
  seq: number;

  @Field(() => ID)
  officialId: string;

  @Field({ description: 'origin (the post left, which its decree does not state), kind (which its decree does not state) or actingEnd (the end of the acting period it starts).' })
  field: SideEffectField;

  @Field(() => String, { nullable: true, description: 'Before: a post code (origin), a TransferKind (kind) or a date (actingEnd); null: no post, or an acting period with no end.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'After, as `before`. An acting period cut to nothing ends the day it starts.' })
  after: string | null;
}

@ObjectType({ description: 'One thing wrong with a submitted rotation: where, how badly, and why.' })
export class RotationProblem {
  @Field({ description: 'Stable code, e.g. POSITION_OCCUPIED, FROM_POSITION_MISMATCH, RANK_BELOW_MINIMUM.' })
  code: string;

  @Field(() => Severity)
  severity: Severity;

  @Field(() => Int, { nullable: true, description: 'Index (from 0) of the transfer in the submitted list; null for the event as a whole.' })
  index: number | null;

  @Field(() => String, { nullable: true, description: 'The input field at fault, e.g. toPositionCode.' })
  field: string | null;

  @Field()
  message: string;

  @Field(() => SideEffect, { nullable: true, description: 'For OTHER_EVENT_CHANGED: which other event, row and fact change, before and after.' })
  sideEffect?: SideEffect | null;
}

@ObjectType()
export class RotationEventValidation {
  @Field({ description: 'True when there is no ERROR: recordRotationEvent would write it.' })
  valid: boolean;

  @Field(() => [RotationProblem], { description: 'Every problem at once, errors first.' })
  problems: RotationProblem[];
}
