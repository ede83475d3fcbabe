import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RotationWarnings1795837626673 implements MigrationInterface {
  name = 'RotationWarnings1795837626673';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD \"warnings\" jsonb NOT NULL DEFAULT '[]'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP COLUMN \"warnings\"");
  }
}
