import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TransferStatedFields1795837912143 implements MigrationInterface {
  name = 'TransferStatedFields1795837912143';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"transfers\" ADD \"from_stated\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"transfers\" ADD \"kind_stated\" boolean NOT NULL DEFAULT false");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"transfers\" DROP COLUMN \"kind_stated\"");
    await queryRunner.query("ALTER TABLE \"transfers\" DROP COLUMN \"from_stated\"");
  }
}
