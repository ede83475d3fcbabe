import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { ApiKey } from '../auth/api-key.entity.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';
import { RotationEvent } from '../rotations/rotation-event.entity.js';
import { ImportProblem, MappedColumn } from './dto/import-views.js';

export enum ImportStatus {
  /** Read and checked; nothing recorded yet. */
  DRY_RUN = 'DRY_RUN',
  /** Recorded as `event`. */
  COMMITTED = 'COMMITTED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** A lampiran spreadsheet sent by a clerk: the file's fingerprint, how it was read, and the event it became. */
@ObjectType({ description: 'A lampiran spreadsheet sent by HR: how it was read, every problem by sheet row, and the event it was recorded as.' })
@Entity('imports')
@Check('imports_committed_check', `(status = 'COMMITTED') = (event_id IS NOT NULL)`)
export class Import extends TrackedRecord {
  @Field({ description: 'The file name as sent.' })
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Field({ description: 'SHA-256 of the file, hex.' })
  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Field(() => Int)
  @Column({ name: 'file_size', type: 'int' })
  fileSize: number;

  @Field(() => String, { nullable: true, description: 'The sheet read (null for CSV).' })
  @Column({ name: 'sheet_name', type: 'varchar', length: 255, nullable: true })
  sheetName: string | null;

  /** The key that sent it; null from the command line. */
  @Index('imports_api_key_id_idx')
  @Column({ name: 'api_key_id', type: 'bigint', nullable: true })
  apiKeyId: string | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'imports_api_key_id_fkey' })
  apiKey?: Relation<ApiKey> | null;

  @Field(() => ImportStatus)
  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status', default: ImportStatus.DRY_RUN })
  status: ImportStatus;

  @Field(() => ID, { nullable: true, description: 'The rotation event the annex was recorded as.' })
  @Index('imports_event_id_idx')
  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: string | null;

  @ManyToOne(() => RotationEvent, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'imports_event_id_fkey' })
  event?: Relation<RotationEvent> | null;

  @Field(() => GraphQLJSON, { description: "The event's fields, from the request or the rows above the table." })
  @Column({ type: 'jsonb' })
  header: Record<string, string | null>;

  @Field(() => [MappedColumn], { description: 'Which column was read as what.' })
  @Column({ type: 'jsonb' })
  columns: MappedColumn[];

  @Field(() => Int, { description: 'Data rows read (blank, heading and subtotal rows left out).' })
  @Column({ name: 'row_count', type: 'int' })
  rowCount: number;

  @Field(() => Int)
  @Column({ name: 'error_count', type: 'int' })
  errorCount: number;

  @Field(() => Int)
  @Column({ name: 'warning_count', type: 'int' })
  warningCount: number;

  /** Problems of the annex as a whole (its header, the event); row problems are on the rows. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  problems: ImportProblem[];
}

/** One data row of an import: its cells as read, the transfer it maps to, and its problems. */
@Entity('import_rows')
export class ImportRow {
  @Column({ name: 'import_id', type: 'bigint', primary: true, primaryKeyConstraintName: 'import_rows_pkey' })
  importId: string;

  @ManyToOne(() => Import, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'import_rows_import_id_fkey' })
  import?: Relation<Import>;

  /** The row number as the clerk sees it (1-based, header rows counted). */
  @Column({ name: 'sheet_row', type: 'int', primary: true, primaryKeyConstraintName: 'import_rows_pkey' })
  sheetRow: number;

  /** Cell texts by field (name, nip, toPost, …). */
  @Column({ type: 'jsonb' })
  cells: Record<string, string>;

  /** The transfer the row maps to (TransferInput), null when it cannot be mapped. */
  @Column({ type: 'jsonb', nullable: true })
  transfer: Record<string, unknown> | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  problems: ImportProblem[];
}
