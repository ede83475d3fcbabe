import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { SideEffect } from '../../rotations/dto/rotation-problem.js';

@ObjectType({ description: 'A column of the sheet and what it was read as.' })
export class MappedColumn {
  @Field({ description: 'Column letter, e.g. "C".' })
  column: string;

  @Field({ description: 'The header as written in the sheet.' })
  header: string;

  @Field({ description: 'What it holds: no, name, nip, nameAndNip, rank, fromPost, fromUnit, fromCode, toPost, toUnit, toCode, remarks.' })
  field: string;
}

@ObjectType({ description: 'A post a title written differently may mean, with how close it is (0 to 1).' })
export class PostCandidate {
  @Field()
  code: string;

  @Field()
  title: string;

  @Field()
  unit: string;

  @Field(() => Float)
  score: number;
}

@ObjectType({ description: 'One thing wrong with an imported annex, where the clerk sees it: sheet row, column, cell.' })
export class ImportProblem {
  @Field({ description: 'Stable code: the recorder\'s (POSITION_OCCUPIED, …) or the import\'s (NIP_DAMAGED, POST_UNKNOWN, POST_PROPOSED, …).' })
  code: string;

  @Field(() => String, { description: 'ERROR (nothing is recorded) or WARNING.' })
  severity: 'ERROR' | 'WARNING';

  @Field(() => Int, { nullable: true, description: 'The row as the clerk sees it (1-based, header rows counted); null for the annex as a whole.' })
  sheetRow: number | null;

  @Field(() => String, { nullable: true, description: 'Column letter.' })
  column: string | null;

  @Field(() => String, { nullable: true, description: 'The column header as written.' })
  header: string | null;

  @Field(() => String, { nullable: true, description: "The cell's value." })
  value: string | null;

  @Field()
  message: string;

  @Field(() => String, { nullable: true, description: 'The lampiran field at fault (nip, toPositionCode, fromPositionCode, …): what a confirmation sets.' })
  field?: string | null;

  @Field(() => [PostCandidate], { nullable: true, description: 'For POST_PROPOSED and POST_AMBIGUOUS: the posts it may mean, best first.' })
  candidates?: PostCandidate[] | null;

  @Field(() => SideEffect, { nullable: true, description: "For OTHER_EVENT_CHANGED: which other event, row and fact change, before and after (the other event's row, not the sheet's)." })
  sideEffect?: SideEffect | null;
}

@ObjectType({ description: 'A data row of an import: its cells, the transfer it maps to, its problems.' })
export class ImportRowView {
  @Field(() => Int)
  sheetRow: number;

  @Field(() => GraphQLJSON, { description: 'Cell texts by what they hold (name, nip, toPost, …).' })
  cells: Record<string, string>;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The lampiran row it maps to (nip, fromPositionCode, toPositionCode, capacity, kind, note), or null.' })
  transfer: Record<string, unknown> | null;

  @Field(() => [ImportProblem])
  problems: ImportProblem[];
}
