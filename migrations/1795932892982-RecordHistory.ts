import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose every state is kept, and the lookups their history must answer as fast as they do. */
const HISTORY_INDEXES: Record<string, string[]> = {
  rotation_events: ['id', 'effective_on'],
  transfers: ['id', 'event_id, seq', 'official_id', 'from_position_id', 'to_position_id'],
  appointments: ['id', 'official_id', 'position_id'],
};
const RECORDED_TABLES = Object.keys(HISTORY_INDEXES);

export class RecordHistory1795932892982 implements MigrationInterface {
  name = 'RecordHistory1795932892982';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD \"recorded_from\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()");
    await queryRunner.query("ALTER TABLE \"transfers\" ADD \"recorded_from\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD \"recorded_from\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()");
    // Rows already there became the record when created, as far as anyone knows: their history before this migration was not kept.
    for (const table of RECORDED_TABLES) await queryRunner.query(`UPDATE ${table} SET recorded_from = created_at`);
    await queryRunner.query(
      // The instant a change becomes the record: the recorder sets it after taking the recording lock, so instants
      // follow the order in which recordings commit; other writers (seeds, the demo) get their transaction's start.
      `CREATE FUNCTION mutasi_record_instant() RETURNS timestamptz LANGUAGE sql STABLE AS
       $$ SELECT COALESCE(NULLIF(current_setting('mutasi.recorded_at', true), '')::timestamptz, now()) $$`,
    );
    await queryRunner.query(
      // An UPDATE that changes nothing but updated_at keeps the row's state, so it leaves no history.
      `CREATE FUNCTION mutasi_stamp_recorded_from() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'updated_at' - 'recorded_from') = (to_jsonb(OLD) - 'updated_at' - 'recorded_from') THEN
           NEW.recorded_from := OLD.recorded_from;
         ELSE
           NEW.recorded_from := mutasi_record_instant();
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      // Copies the states a statement replaced into <table>_history. A state that became the record in this same
      // transaction was never seen by anyone else: it is not kept (it would be an empty interval).
      `CREATE FUNCTION mutasi_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           EXECUTE format('INSERT INTO %I SELECT o.*, $1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                           WHERE n.recorded_from IS DISTINCT FROM o.recorded_from AND o.recorded_from < $1', TG_TABLE_NAME || '_history')
             USING mutasi_record_instant();
         ELSE
           EXECUTE format('INSERT INTO %I SELECT o.*, $1 FROM old_rows o WHERE o.recorded_from < $1', TG_TABLE_NAME || '_history')
             USING mutasi_record_instant();
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const [table, indexes] of Object.entries(HISTORY_INDEXES)) {
      await queryRunner.query(`CREATE TABLE ${table}_history (LIKE ${table}, recorded_until timestamptz NOT NULL, CHECK (recorded_until > recorded_from))`);
      for (const columns of indexes) await queryRunner.query(`CREATE INDEX ${table}_history_${columns.replace(/, /g, '_')}_idx ON ${table}_history (${columns})`);
      await queryRunner.query(`CREATE TRIGGER ${table}_recorded_from BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION mutasi_stamp_recorded_from()`);
      await queryRunner.query(
        `CREATE TRIGGER ${table}_history_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION mutasi_keep_history()`,
      );
      await queryRunner.query(`CREATE TRIGGER ${table}_history_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mutasi_keep_history()`);
      const [{ columns }]: { columns: string }[] = await queryRunner.query(
        `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      );
      // The table as it was at t: one SELECT, so the planner inlines it and pushes the caller's conditions into both halves.
      await queryRunner.query(
        `CREATE FUNCTION ${table}_at(t timestamptz) RETURNS SETOF ${table} LANGUAGE sql STABLE AS $$
           SELECT * FROM ${table} WHERE recorded_from <= t
           UNION ALL
           SELECT ${columns} FROM ${table}_history WHERE recorded_from <= t AND t < recorded_until $$`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(HISTORY_INDEXES).reverse()) {
      await queryRunner.query(`DROP FUNCTION ${table}_at(timestamptz)`);
      await queryRunner.query(`DROP TRIGGER ${table}_history_delete ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_history_update ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_recorded_from ON ${table}`);
      await queryRunner.query(`DROP TABLE ${table}_history`);
    }
    await queryRunner.query('DROP FUNCTION mutasi_keep_history()');
    await queryRunner.query('DROP FUNCTION mutasi_stamp_recorded_from()');
    await queryRunner.query('DROP FUNCTION mutasi_record_instant()');
    await queryRunner.query("ALTER TABLE \"appointments\" DROP COLUMN \"recorded_from\"");
    await queryRunner.query("ALTER TABLE \"transfers\" DROP COLUMN \"recorded_from\"");
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP COLUMN \"recorded_from\"");
  }
}
