import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventRevisions1795932317332 implements MigrationInterface {
  name = 'EventRevisions1795932317332';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"revision_kind\" AS ENUM('RECORDED', 'AMENDED', 'VOIDED', 'BACKFILL')");
    await queryRunner.query("CREATE TABLE \"rotation_event_revisions\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"event_id\" bigint NOT NULL, \"revision\" integer NOT NULL, \"version\" integer NOT NULL, \"kind\" \"public\".\"revision_kind\" NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"reason\" text, \"header\" jsonb NOT NULL, \"lampiran\" jsonb NOT NULL, CONSTRAINT \"rotation_event_revisions_event_id_revision_key\" UNIQUE (\"event_id\", \"revision\"), CONSTRAINT \"rotation_event_revisions_revision_check\" CHECK (revision >= 1), CONSTRAINT \"PK_180197a7ef6846b868a750c13dc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"rotation_event_revisions_recorded_at_idx\" ON \"rotation_event_revisions\"  (\"recorded_at\") ");
    await queryRunner.query("ALTER TABLE \"rotation_event_revisions\" ADD CONSTRAINT \"rotation_event_revisions_event_id_fkey\" FOREIGN KEY (\"event_id\") REFERENCES \"rotation_events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Revisions are facts of what the record said: kept, never rewritten.
    await queryRunner.query(`CREATE FUNCTION rotation_event_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'rotation_event_revisions rows are never changed' USING ERRCODE = 'integrity_constraint_violation'; END $$`);
    await queryRunner.query(`CREATE TRIGGER rotation_event_revisions_immutable BEFORE UPDATE ON rotation_event_revisions
      FOR EACH ROW EXECUTE FUNCTION rotation_event_revisions_immutable()`);
    // Every existing event as it stands now becomes its revision 1 (RECORDED, or VOIDED with its
    // reason). Its states before this migration were overwritten and are unknown; the version
    // column keeps how many changes it had. The SQL is copied, frozen, from corrections/revision-snapshot.sql.ts.
    await queryRunner.query(`INSERT INTO rotation_event_revisions (event_id, revision, version, kind, reason, recorded_at, header, lampiran)
      SELECT e.id, 1, e.version, CASE WHEN e.status = 'VOIDED' THEN 'VOIDED' ELSE 'RECORDED' END::revision_kind, e.void_reason, e.updated_at,
        jsonb_build_object('title', e.title, 'issuer', e.issuer, 'decreeNumber', e.decree_number, 'decreeDate', e.decree_date,
          'swornInOn', e.sworn_in_on, 'swornInAt', to_char(e.sworn_in_at, 'HH24:MI'), 'effectiveOn', e.effective_on, 'location', e.location,
          'sourceUrl', e.source_url, 'signatoryName', e.signatory_name, 'signatoryTitle', e.signatory_title, 'status', e.status),
        COALESCE((SELECT jsonb_agg(jsonb_build_object('seq', t.seq, 'officialId', t.official_id::text,
            'officialName', concat_ws(' ', CASE WHEN btrim(o.honorific_prefix) <> '' THEN o.honorific_prefix END, o.name) || COALESCE(', ' || NULLIF(btrim(o.honorific_suffix), ''), ''),
            'fromPositionId', t.from_position_id::text, 'fromCode', fp.code, 'fromTitle', fp.title,
            'toPositionId', t.to_position_id::text, 'toCode', tp.code, 'toTitle', tp.title,
            'kind', t.kind, 'capacity', t.capacity, 'note', t.note, 'fromStated', t.from_stated, 'kindStated', t.kind_stated) ORDER BY t.seq)
          FROM transfers t JOIN officials o ON o.id = t.official_id
          LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
          WHERE t.event_id = e.id), '[]'::jsonb)
      FROM rotation_events e`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER rotation_event_revisions_immutable ON rotation_event_revisions');
    await queryRunner.query('DROP FUNCTION rotation_event_revisions_immutable()');
    await queryRunner.query("ALTER TABLE \"rotation_event_revisions\" DROP CONSTRAINT \"rotation_event_revisions_event_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"rotation_event_revisions_recorded_at_idx\"");
    await queryRunner.query("DROP TABLE \"rotation_event_revisions\"");
    await queryRunner.query("DROP TYPE \"public\".\"revision_kind\"");
  }
}
