import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnexImports1795921862603 implements MigrationInterface {
  name = 'AnnexImports1795921862603';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"import_status\" AS ENUM('DRY_RUN', 'COMMITTED')");
    await queryRunner.query("CREATE TABLE \"imports\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"file_name\" character varying(255) NOT NULL, \"file_sha256\" character(64) NOT NULL, \"file_size\" integer NOT NULL, \"sheet_name\" character varying(255), \"api_key_id\" bigint, \"status\" \"public\".\"import_status\" NOT NULL DEFAULT 'DRY_RUN', \"event_id\" bigint, \"header\" jsonb NOT NULL, \"columns\" jsonb NOT NULL, \"row_count\" integer NOT NULL, \"error_count\" integer NOT NULL, \"warning_count\" integer NOT NULL, \"problems\" jsonb NOT NULL DEFAULT '[]', CONSTRAINT \"imports_committed_check\" CHECK ((status = 'COMMITTED') = (event_id IS NOT NULL)), CONSTRAINT \"PK_ea10c62f5eb1d75e83d8b5225db\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"imports_api_key_id_idx\" ON \"imports\"  (\"api_key_id\") ");
    await queryRunner.query("CREATE INDEX \"imports_event_id_idx\" ON \"imports\"  (\"event_id\") ");
    await queryRunner.query("CREATE TABLE \"import_rows\" (\"import_id\" bigint NOT NULL, \"sheet_row\" integer NOT NULL, \"cells\" jsonb NOT NULL, \"transfer\" jsonb, \"problems\" jsonb NOT NULL DEFAULT '[]', CONSTRAINT \"import_rows_pkey\" PRIMARY KEY (\"import_id\", \"sheet_row\"))");
    await queryRunner.query("ALTER TABLE \"imports\" ADD CONSTRAINT \"imports_api_key_id_fkey\" FOREIGN KEY (\"api_key_id\") REFERENCES \"api_keys\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"imports\" ADD CONSTRAINT \"imports_event_id_fkey\" FOREIGN KEY (\"event_id\") REFERENCES \"rotation_events\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"import_rows\" ADD CONSTRAINT \"import_rows_import_id_fkey\" FOREIGN KEY (\"import_id\") REFERENCES \"imports\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"import_rows\" DROP CONSTRAINT \"import_rows_import_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"imports\" DROP CONSTRAINT \"imports_event_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"imports\" DROP CONSTRAINT \"imports_api_key_id_fkey\"");
    await queryRunner.query("DROP TABLE \"import_rows\"");
    await queryRunner.query("DROP INDEX \"public\".\"imports_event_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"imports_api_key_id_idx\"");
    await queryRunner.query("DROP TABLE \"imports\"");
    await queryRunner.query("DROP TYPE \"public\".\"import_status\"");
  }
}
