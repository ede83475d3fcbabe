import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Governments1795938684316 implements MigrationInterface {
  name = 'Governments1795938684316';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"api_key_governments\" (\"api_key_id\" bigint NOT NULL, \"government_id\" bigint NOT NULL, CONSTRAINT \"api_key_governments_pkey\" PRIMARY KEY (\"api_key_id\", \"government_id\"))");
    // IF NOT EXISTS: an operator with another top-level unit adds these by hand first (see the message below).
    await queryRunner.query("ALTER TABLE \"organizations\" ADD COLUMN IF NOT EXISTS \"region_code\" character varying(13)");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_region_code_key\" UNIQUE (\"region_code\")");
    await queryRunner.query("DO $$ BEGIN CREATE TYPE \"public\".\"government_type\" AS ENUM('PROVINCE', 'REGENCY', 'CITY', 'CENTRAL'); EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD COLUMN IF NOT EXISTS \"government_type\" \"public\".\"government_type\"");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD \"government_id\" bigint");
    await queryRunner.query("ALTER TABLE \"officials\" ADD \"government_id\" bigint");
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD \"government_id\" bigint");
    await queryRunner.query("ALTER TABLE \"api_keys\" ADD \"all_governments\" boolean NOT NULL DEFAULT false");

    // Back-fill. Until now a database held one government, the demo's Pemerintah Kota Bekasi; another top-level unit
    // must be given its region code by hand first (the message says how), since no rule can guess it.
    await queryRunner.query("UPDATE organizations SET region_code = '32.75', government_type = 'CITY' WHERE parent_id IS NULL AND code = 'PEMKOT-BKS' AND region_code IS NULL");
    const [unknown]: { code: string }[] = await queryRunner.query("SELECT code FROM organizations WHERE parent_id IS NULL AND (kind <> 'GOVERNMENT' OR region_code IS NULL) LIMIT 1");
    if (unknown) {
      throw new Error(
        `The top-level unit ${unknown.code} is not a government with a region code. Give it one before migrating, e.g. ` +
          `CREATE TYPE government_type AS ENUM ('PROVINCE', 'REGENCY', 'CITY', 'CENTRAL'); ALTER TABLE organizations ADD region_code varchar(13), ADD government_type government_type; ` +
          `UPDATE organizations SET kind = 'GOVERNMENT', region_code = '32.16', government_type = 'REGENCY' WHERE code = '${unknown.code}';`,
      );
    }
    await queryRunner.query(
      `WITH RECURSIVE tree AS (SELECT id, id AS government_id FROM organizations WHERE parent_id IS NULL
                               UNION ALL SELECT o.id, t.government_id FROM organizations o JOIN tree t ON o.parent_id = t.id)
       UPDATE organizations o SET government_id = t.government_id FROM tree t WHERE t.id = o.id`,
    );
    // Filling the new column is not a change of the record: no history state, no new instant.
    await queryRunner.query('ALTER TABLE rotation_events DISABLE TRIGGER rotation_events_recorded_from');
    await queryRunner.query('ALTER TABLE rotation_events DISABLE TRIGGER rotation_events_history_update');
    // An event's government is the one of the posts its lampiran fills (or, for a row that fills none, leaves).
    await queryRunner.query(
      `UPDATE rotation_events e SET government_id = (
         SELECT u.government_id FROM transfers t JOIN positions p ON p.id = COALESCE(t.to_position_id, t.from_position_id)
         JOIN organizations u ON u.id = p.organization_id WHERE t.event_id = e.id ORDER BY t.seq LIMIT 1)`,
    );
    // An official's registering government: the one of their last definitive post, else the one of any post held.
    await queryRunner.query(
      `UPDATE officials f SET government_id = (
         SELECT u.government_id FROM appointments a JOIN positions p ON p.id = a.position_id JOIN organizations u ON u.id = p.organization_id
         WHERE a.official_id = f.id ORDER BY (a.capacity = 'DEFINITIVE') DESC, a.started_on DESC LIMIT 1)`,
    );
    const only = "(SELECT id FROM organizations WHERE parent_id IS NULL AND (SELECT count(*) FROM organizations WHERE parent_id IS NULL) = 1)";
    await queryRunner.query(`UPDATE officials SET government_id = ${only} WHERE government_id IS NULL`);
    await queryRunner.query(`UPDATE rotation_events SET government_id = ${only} WHERE government_id IS NULL`);
    await queryRunner.query('ALTER TABLE rotation_events ENABLE TRIGGER rotation_events_recorded_from');
    await queryRunner.query('ALTER TABLE rotation_events ENABLE TRIGGER rotation_events_history_update');
    // Keys made before scopes could do everything: they keep that until an ADMIN replaces them.
    await queryRunner.query('UPDATE api_keys SET all_governments = true');

    await queryRunner.query("ALTER TABLE \"organizations\" ALTER COLUMN \"government_id\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"officials\" ALTER COLUMN \"government_id\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"rotation_events\" ALTER COLUMN \"government_id\" SET NOT NULL");
    await queryRunner.query("CREATE INDEX \"organizations_government_id_idx\" ON \"organizations\"  (\"government_id\") ");
    await queryRunner.query("CREATE INDEX \"officials_government_id_idx\" ON \"officials\"  (\"government_id\") ");
    await queryRunner.query("CREATE INDEX \"rotation_events_government_id_idx\" ON \"rotation_events\"  (\"government_id\") ");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_government_self_check\" CHECK ((parent_id IS NULL) = (government_id = id))");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_government_root_check\" CHECK ((parent_id IS NULL) = (kind = 'GOVERNMENT') AND (kind = 'GOVERNMENT') = (region_code IS NOT NULL) AND (kind = 'GOVERNMENT') = (government_type IS NOT NULL))");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_government_id_fkey\" FOREIGN KEY (\"government_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"officials\" ADD CONSTRAINT \"officials_government_id_fkey\" FOREIGN KEY (\"government_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD CONSTRAINT \"rotation_events_government_id_fkey\" FOREIGN KEY (\"government_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"api_key_governments\" ADD CONSTRAINT \"api_key_governments_api_key_id_fkey\" FOREIGN KEY (\"api_key_id\") REFERENCES \"api_keys\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"api_key_governments\" ADD CONSTRAINT \"api_key_governments_government_id_fkey\" FOREIGN KEY (\"government_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");

    // A unit's government is its parent's (itself at the top), kept by the database; moving a unit to another
    // government would move its posts' whole history with it, so it is refused.
    await queryRunner.query(
      `CREATE FUNCTION mutasi_unit_government() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE gov bigint;
       BEGIN
         IF NEW.parent_id IS NULL THEN
           gov := NEW.id;
         ELSE
           SELECT government_id INTO gov FROM organizations WHERE id = NEW.parent_id;
           IF gov IS NULL THEN
             RAISE EXCEPTION 'unknown parent unit' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'organizations_parent_id_fkey';
           END IF;
         END IF;
         IF TG_OP = 'UPDATE' AND gov IS DISTINCT FROM OLD.government_id THEN
           RAISE EXCEPTION 'a unit cannot move to another government' USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_government_move';
         END IF;
         NEW.government_id := gov;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER organizations_government BEFORE INSERT OR UPDATE OF parent_id ON organizations FOR EACH ROW EXECUTE FUNCTION mutasi_unit_government()`);

    // rotation_events_history copies rows by position (LIKE rotation_events, then recorded_until): rebuilt so the new
    // column sits where the table has it, and rotation_events_at() re-listed with it.
    await rebuildEventHistory(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER organizations_government ON organizations');
    await queryRunner.query('DROP FUNCTION mutasi_unit_government()');
    await queryRunner.query('ALTER TABLE rotation_events_history DROP COLUMN government_id');
    await queryRunner.query("ALTER TABLE \"api_key_governments\" DROP CONSTRAINT \"api_key_governments_government_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"api_key_governments\" DROP CONSTRAINT \"api_key_governments_api_key_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP CONSTRAINT \"rotation_events_government_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"officials\" DROP CONSTRAINT \"officials_government_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_government_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_government_root_check\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_government_self_check\"");
    await queryRunner.query("DROP INDEX \"public\".\"rotation_events_government_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"officials_government_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_government_id_idx\"");
    await queryRunner.query("ALTER TABLE \"api_keys\" DROP COLUMN \"all_governments\"");
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP COLUMN \"government_id\"");
    await recreateEventsAt(queryRunner);
    await queryRunner.query("ALTER TABLE \"officials\" DROP COLUMN \"government_id\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"government_id\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"government_type\"");
    await queryRunner.query("DROP TYPE \"public\".\"government_type\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_region_code_key\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"region_code\"");
    await queryRunner.query("DROP TABLE \"api_key_governments\"");
  }
}

/** rotation_events_at(t): the table as it stood at t (see RecordHistory), listing the table's columns as they now are. */
async function recreateEventsAt(queryRunner: QueryRunner): Promise<void> {
  const [{ columns }]: { columns: string }[] = await queryRunner.query(
    `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'rotation_events'`,
  );
  await queryRunner.query('DROP FUNCTION rotation_events_at(timestamptz)');
  await queryRunner.query(
    `CREATE FUNCTION rotation_events_at(t timestamptz) RETURNS SETOF rotation_events LANGUAGE sql STABLE AS $$
       SELECT * FROM rotation_events WHERE recorded_from <= t
       UNION ALL
       SELECT ${columns} FROM rotation_events_history WHERE recorded_from <= t AND t < recorded_until $$`,
  );
}

async function rebuildEventHistory(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('ALTER TABLE rotation_events_history RENAME TO rotation_events_history_old');
  await queryRunner.query('CREATE TABLE rotation_events_history (LIKE rotation_events, recorded_until timestamptz NOT NULL, CHECK (recorded_until > recorded_from))');
  // Earlier states of an event had the same government (an event never changes government).
  const [{ columns }]: { columns: string }[] = await queryRunner.query(
    `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'rotation_events_history_old'`,
  );
  const old = columns.split(', ').map((c) => `h.${c}`).join(', ');
  await queryRunner.query(
    `INSERT INTO rotation_events_history (${columns}, government_id) SELECT ${old}, e.government_id FROM rotation_events_history_old h JOIN rotation_events e ON e.id = h.id`,
  );
  await queryRunner.query('DROP TABLE rotation_events_history_old');
  await queryRunner.query('CREATE INDEX rotation_events_history_id_idx ON rotation_events_history (id)');
  await queryRunner.query('CREATE INDEX rotation_events_history_effective_on_idx ON rotation_events_history (effective_on)');
  await recreateEventsAt(queryRunner);
}
