import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795836648958 implements MigrationInterface {
  name = 'Init1795836648958';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written (reviewed): extensions and the immutable search-key function the
    // trigram index needs; unaccent() itself is only STABLE, so it cannot be indexed.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(
      `CREATE FUNCTION public.mutasi_search_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    );
    await queryRunner.query("CREATE TYPE \"public\".\"employment\" AS ENUM('PNS', 'PPPK')");
    await queryRunner.query("CREATE TYPE \"public\".\"rank\" AS ENUM('I_A', 'I_B', 'I_C', 'I_D', 'II_A', 'II_B', 'II_C', 'II_D', 'III_A', 'III_B', 'III_C', 'III_D', 'IV_A', 'IV_B', 'IV_C', 'IV_D', 'IV_E', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII')");
    await queryRunner.query("CREATE TYPE \"public\".\"gender\" AS ENUM('MALE', 'FEMALE')");
    await queryRunner.query("CREATE TABLE \"officials\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"nip\" character(18), \"name\" character varying(150) NOT NULL, \"honorific_prefix\" character varying(100), \"honorific_suffix\" character varying(100), \"employment\" \"public\".\"employment\" NOT NULL, \"rank\" \"public\".\"rank\", \"gender\" \"public\".\"gender\", \"birth_date\" date, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"officials_nip_key\" UNIQUE (\"nip\"), CONSTRAINT \"officials_nip_format_check\" CHECK (nip ~ '^[0-9]{18}$'), CONSTRAINT \"PK_4e1cbe0d999f0d27205ca7b908d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"organization_kind\" AS ENUM('GOVERNMENT', 'SECRETARIAT', 'AGENCY', 'INSPECTORATE', 'DISTRICT', 'SUBDISTRICT', 'TECHNICAL_UNIT')");
    await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"code\" character varying(50) NOT NULL, \"name\" character varying(255) NOT NULL, \"kind\" \"public\".\"organization_kind\" NOT NULL, \"parent_id\" bigint, \"established_on\" date, \"dissolved_on\" date, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"organizations_code_key\" UNIQUE (\"code\"), CONSTRAINT \"organizations_not_own_parent_check\" CHECK (parent_id IS NULL OR parent_id <> id), CONSTRAINT \"organizations_dates_check\" CHECK (dissolved_on IS NULL OR established_on IS NULL OR dissolved_on > established_on), CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"organizations_parent_id_idx\" ON \"organizations\"  (\"parent_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"echelon\" AS ENUM('I_A', 'I_B', 'II_A', 'II_B', 'III_A', 'III_B', 'IV_A', 'IV_B', 'V_A')");
    await queryRunner.query("CREATE TYPE \"public\".\"position_category\" AS ENUM('HIGH_LEADERSHIP', 'ADMINISTRATOR', 'SUPERVISOR', 'FUNCTIONAL', 'EXECUTOR', 'UNIT_HEAD')");
    await queryRunner.query("CREATE TABLE \"positions\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"code\" character varying(50) NOT NULL, \"title\" character varying(255) NOT NULL, \"organization_id\" bigint NOT NULL, \"echelon\" \"public\".\"echelon\", \"category\" \"public\".\"position_category\" NOT NULL, \"established_on\" date, \"abolished_on\" date, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"positions_code_key\" UNIQUE (\"code\"), CONSTRAINT \"positions_dates_check\" CHECK (abolished_on IS NULL OR established_on IS NULL OR abolished_on > established_on), CONSTRAINT \"PK_17e4e62ccd5749b289ae3fae6f3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"positions_organization_id_idx\" ON \"positions\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"rotation_event_status\" AS ENUM('RECORDED', 'VOIDED')");
    await queryRunner.query("CREATE TABLE \"rotation_events\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"title\" character varying(500) NOT NULL, \"issuer\" character varying(255) NOT NULL, \"decree_number\" character varying(255), \"decree_date\" date, \"sworn_in_on\" date NOT NULL, \"effective_on\" date NOT NULL, \"location\" character varying(500), \"source_url\" character varying(2000), \"status\" \"public\".\"rotation_event_status\" NOT NULL DEFAULT 'RECORDED', \"void_reason\" text, \"version\" integer NOT NULL DEFAULT '1', \"idempotency_key\" character varying(255), \"request_hash\" character(64), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"rotation_events_effective_on_check\" CHECK (effective_on >= decree_date OR decree_date IS NULL), CONSTRAINT \"PK_c62eb0c954273f9f47381f06050\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"rotation_events_effective_on_idx\" ON \"rotation_events\"  (\"effective_on\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"rotation_events_idempotency_key_key\" ON \"rotation_events\"  (\"idempotency_key\") WHERE idempotency_key IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"rotation_events_issuer_decree_number_key\" ON \"rotation_events\"  (\"issuer\", \"decree_number\") WHERE decree_number IS NOT NULL");
    await queryRunner.query("CREATE TYPE \"public\".\"transfer_kind\" AS ENUM('ROTATION', 'TRANSFER', 'PROMOTION', 'DEMOTION', 'REASSIGNMENT', 'APPOINTMENT', 'DISMISSAL', 'ACTING_START', 'ACTING_END')");
    await queryRunner.query("CREATE TYPE \"public\".\"capacity\" AS ENUM('DEFINITIVE', 'ACTING', 'STAND_IN')");
    await queryRunner.query("CREATE TABLE \"transfers\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"event_id\" bigint NOT NULL, \"seq\" integer NOT NULL, \"official_id\" bigint NOT NULL, \"from_position_id\" bigint, \"to_position_id\" bigint, \"kind\" \"public\".\"transfer_kind\" NOT NULL, \"capacity\" \"public\".\"capacity\" NOT NULL DEFAULT 'DEFINITIVE', \"note\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"transfers_event_id_seq_key\" UNIQUE (\"event_id\", \"seq\"), CONSTRAINT \"transfers_seq_check\" CHECK (seq >= 1), CONSTRAINT \"transfers_has_a_post_check\" CHECK (from_position_id IS NOT NULL OR to_position_id IS NOT NULL), CONSTRAINT \"PK_f712e908b465e0085b4408cabc3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"transfers_official_id_idx\" ON \"transfers\"  (\"official_id\") ");
    await queryRunner.query("CREATE INDEX \"transfers_from_position_id_idx\" ON \"transfers\"  (\"from_position_id\") ");
    await queryRunner.query("CREATE INDEX \"transfers_to_position_id_idx\" ON \"transfers\"  (\"to_position_id\") ");
    await queryRunner.query("CREATE TABLE \"appointments\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"official_id\" bigint NOT NULL, \"position_id\" bigint NOT NULL, \"capacity\" \"public\".\"capacity\" NOT NULL, \"started_on\" date NOT NULL, \"ended_on\" date, \"started_by_transfer_id\" bigint NOT NULL, \"ended_by_transfer_id\" bigint, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"appointments_dates_check\" CHECK (ended_on IS NULL OR ended_on > started_on), CONSTRAINT \"appointments_official_no_overlap\" EXCLUDE USING gist (\"official_id\" WITH =, daterange(\"started_on\", \"ended_on\") WITH &&) WHERE (\"capacity\" = 'DEFINITIVE') DEFERRABLE INITIALLY DEFERRED, CONSTRAINT \"appointments_position_no_overlap\" EXCLUDE USING gist (\"position_id\" WITH =, daterange(\"started_on\", \"ended_on\") WITH &&) WHERE (\"capacity\" = 'DEFINITIVE') DEFERRABLE INITIALLY DEFERRED, CONSTRAINT \"PK_4a437a9a27e948726b8bb3e36ad\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"appointments_official_id_idx\" ON \"appointments\"  (\"official_id\") ");
    await queryRunner.query("CREATE INDEX \"appointments_position_id_idx\" ON \"appointments\"  (\"position_id\") ");
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"api_key_id\" bigint, \"operation\" character varying(100) NOT NULL, \"target_type\" character varying(50) NOT NULL, \"target_id\" bigint, \"before\" jsonb, \"after\" jsonb, \"reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_log_created_at_idx\" ON \"audit_log\"  (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"audit_log_target_idx\" ON \"audit_log\"  (\"target_type\", \"target_id\") ");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_parent_id_fkey\" FOREIGN KEY (\"parent_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"positions\" ADD CONSTRAINT \"positions_organization_id_fkey\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"transfers\" ADD CONSTRAINT \"transfers_event_id_fkey\" FOREIGN KEY (\"event_id\") REFERENCES \"rotation_events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"transfers\" ADD CONSTRAINT \"transfers_official_id_fkey\" FOREIGN KEY (\"official_id\") REFERENCES \"officials\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"transfers\" ADD CONSTRAINT \"transfers_from_position_id_fkey\" FOREIGN KEY (\"from_position_id\") REFERENCES \"positions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"transfers\" ADD CONSTRAINT \"transfers_to_position_id_fkey\" FOREIGN KEY (\"to_position_id\") REFERENCES \"positions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_official_id_fkey\" FOREIGN KEY (\"official_id\") REFERENCES \"officials\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_position_id_fkey\" FOREIGN KEY (\"position_id\") REFERENCES \"positions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_started_by_transfer_id_fkey\" FOREIGN KEY (\"started_by_transfer_id\") REFERENCES \"transfers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_ended_by_transfer_id_fkey\" FOREIGN KEY (\"ended_by_transfer_id\") REFERENCES \"transfers\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    // Hand-written (reviewed): indexes and guards TypeORM cannot express.
    await queryRunner.query(`CREATE INDEX "officials_search_key_trgm_idx" ON "officials" USING gin (public.mutasi_search_key(name) gin_trgm_ops)`);
    // No unit may become its own ancestor. The advisory lock serialises tree edits so two
    // concurrent moves cannot each pass the check and together close a cycle.
    await queryRunner.query(
      `CREATE FUNCTION organizations_check_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.parent_id IS NULL THEN RETURN NEW; END IF;
         PERFORM pg_advisory_xact_lock(hashtext('organizations_tree'));
         IF EXISTS (
           WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM organizations WHERE id = NEW.parent_id
             UNION
             SELECT o.id, o.parent_id FROM organizations o JOIN up ON o.id = up.parent_id
           )
           SELECT 1 FROM up WHERE id = NEW.id
         ) THEN
           RAISE EXCEPTION 'organization would become its own ancestor'
             USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_no_cycle';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER organizations_no_cycle BEFORE UPDATE OF parent_id ON organizations
       FOR EACH ROW EXECUTE FUNCTION organizations_check_cycle()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER organizations_no_cycle ON organizations`);
    await queryRunner.query(`DROP FUNCTION organizations_check_cycle()`);
    await queryRunner.query(`DROP INDEX "public"."officials_search_key_trgm_idx"`);
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_ended_by_transfer_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_started_by_transfer_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_position_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_official_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"transfers\" DROP CONSTRAINT \"transfers_to_position_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"transfers\" DROP CONSTRAINT \"transfers_from_position_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"transfers\" DROP CONSTRAINT \"transfers_official_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"transfers\" DROP CONSTRAINT \"transfers_event_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"positions\" DROP CONSTRAINT \"positions_organization_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_parent_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_target_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_created_at_idx\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
    await queryRunner.query("DROP INDEX \"public\".\"appointments_position_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"appointments_official_id_idx\"");
    await queryRunner.query("DROP TABLE \"appointments\"");
    await queryRunner.query("DROP INDEX \"public\".\"transfers_to_position_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"transfers_from_position_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"transfers_official_id_idx\"");
    await queryRunner.query("DROP TABLE \"transfers\"");
    await queryRunner.query("DROP TYPE \"public\".\"capacity\"");
    await queryRunner.query("DROP TYPE \"public\".\"transfer_kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"rotation_events_issuer_decree_number_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"rotation_events_idempotency_key_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"rotation_events_effective_on_idx\"");
    await queryRunner.query("DROP TABLE \"rotation_events\"");
    await queryRunner.query("DROP TYPE \"public\".\"rotation_event_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"positions_organization_id_idx\"");
    await queryRunner.query("DROP TABLE \"positions\"");
    await queryRunner.query("DROP TYPE \"public\".\"position_category\"");
    await queryRunner.query("DROP TYPE \"public\".\"echelon\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_parent_id_idx\"");
    await queryRunner.query("DROP TABLE \"organizations\"");
    await queryRunner.query("DROP TYPE \"public\".\"organization_kind\"");
    await queryRunner.query("DROP TABLE \"officials\"");
    await queryRunner.query("DROP TYPE \"public\".\"gender\"");
    await queryRunner.query("DROP TYPE \"public\".\"rank\"");
    await queryRunner.query("DROP TYPE \"public\".\"employment\"");
    await queryRunner.query(`DROP FUNCTION public.mutasi_search_key(text)`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
