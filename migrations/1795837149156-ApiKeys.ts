import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1795837149156 implements MigrationInterface {
  name = 'ApiKeys1795837149156';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"api_key_role\" AS ENUM('ADMIN', 'HR', 'ANALYST')");
    await queryRunner.query("CREATE TABLE \"api_keys\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"label\" character varying(200) NOT NULL, \"role\" \"public\".\"api_key_role\" NOT NULL, \"prefix\" character varying(16) NOT NULL, \"secret_hash\" character(64) NOT NULL, \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"api_keys_secret_hash_key\" UNIQUE (\"secret_hash\"), CONSTRAINT \"PK_5c8a79801b44bd27b79228e1dad\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_log_api_key_id_idx\" ON \"audit_log\"  (\"api_key_id\") ");
    await queryRunner.query("ALTER TABLE \"audit_log\" ADD CONSTRAINT \"audit_log_api_key_id_fkey\" FOREIGN KEY (\"api_key_id\") REFERENCES \"api_keys\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"audit_log\" DROP CONSTRAINT \"audit_log_api_key_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_api_key_id_idx\"");
    await queryRunner.query("DROP TABLE \"api_keys\"");
    await queryRunner.query("DROP TYPE \"public\".\"api_key_role\"");
  }
}
