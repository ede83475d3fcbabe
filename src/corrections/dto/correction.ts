import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { Connection } from '../../common/pagination/connection.js';
import { UnitArgs } from '../../common/unit.args.js';
import { Capacity, TransferKind } from '../../history/history.enums.js';
import type { RevisionHeader } from '../revision-diff.js';
import { RevisionKind } from '../revision.enums.js';

@ObjectType({ description: 'One field of an event or of a lampiran row, before and after a correction (values as text).' })
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType({ description: 'A lampiran row as it stood in one revision, with the names and titles of that moment.' })
export class LampiranRowState {
  @Field(() => Int)
  seq: number;

  @Field(() => ID)
  officialId: string;

  @Field({ description: 'The official\'s name with titles, as recorded then.' })
  officialName: string;

  @Field(() => String, { nullable: true })
  fromCode: string | null;

  @Field(() => String, { nullable: true })
  fromTitle: string | null;

  @Field(() => String, { nullable: true })
  toCode: string | null;

  @Field(() => String, { nullable: true })
  toTitle: string | null;

  @Field(() => TransferKind)
  kind: TransferKind;

  @Field(() => Capacity)
  capacity: Capacity;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'Whether the decree stated the origin (otherwise derived from the history).' })
  fromStated: boolean;

  @Field({ description: 'Whether the decree stated the kind (otherwise derived from the origin).' })
  kindStated: boolean;
}

@ObjectType({ description: 'A lampiran row present before and after a correction (matched by official), and its fields that changed.' })
export class RowChange {
  @Field(() => ID)
  officialId: string;

  @Field()
  officialName: string;

  @Field(() => Int, { description: 'The row\'s number after the correction.' })
  seq: number;

  @Field(() => [FieldChange])
  changes: FieldChange[];
}

@ObjectType({ description: 'A correction of a recorded event, in the open: an amendment, a void, or a back-fill that re-derived its facts.' })
export class Correction {
  @Field(() => ID, { description: '"eventId/revision", stable.' })
  id: string;

  eventId: string;

  @Field(() => Int, { description: 'The revision this correction made (1 is the first recording).' })
  revision: number;

  @Field(() => Int, { nullable: true, description: 'The revision it replaced; null only for an event whose earlier states were not kept.' })
  previousRevision: number | null;

  @Field(() => Int, { description: 'The event\'s version after the correction.' })
  version: number;

  @Field(() => RevisionKind)
  kind: RevisionKind;

  @Field({ description: 'When the correction became the record.' })
  recordedAt: Date;

  @Field(() => String, { nullable: true, description: 'The reason given, a public fact (who gave it is in the ADMIN-only audit log).' })
  reason: string | null;

  @Field(() => [FieldChange], { description: 'The event\'s own fields that changed (a void changes status).' })
  headerChanges: FieldChange[];

  @Field(() => [LampiranRowState])
  rowsAdded: LampiranRowState[];

  @Field(() => [LampiranRowState])
  rowsRemoved: LampiranRowState[];

  @Field(() => [RowChange])
  rowsChanged: RowChange[];

  /** The header after the correction, for the feeds' words. */
  header: RevisionHeader;
}

@ObjectType()
export class CorrectionConnection extends Connection(Correction) {}

@ArgsType()
export class CorrectionsArgs extends UnitArgs {
  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Until this instant (exclusive).' })
  @IsOptional()
  to?: Date;
}
