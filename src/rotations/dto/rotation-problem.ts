import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum Severity {
  /** Nothing is written. */
  ERROR = 'ERROR',
  /** Written, and reported. */
  WARNING = 'WARNING',
}

registerEnumType(Severity, { name: 'Severity' });

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
}

@ObjectType()
export class RotationEventValidation {
  @Field({ description: 'True when there is no ERROR: recordRotationEvent would write it.' })
  valid: boolean;

  @Field(() => [RotationProblem], { description: 'Every problem at once, errors first.' })
  problems: RotationProblem[];
}
