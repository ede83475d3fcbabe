import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventSignatoryAndTime1795916327053 implements MigrationInterface {
  name = 'EventSignatoryAndTime1795916327053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD \"signatory_name\" character varying(255)");
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD \"signatory_title\" character varying(255)");
    await queryRunner.query("ALTER TABLE \"rotation_events\" ADD \"sworn_in_at\" TIME");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP COLUMN \"sworn_in_at\"");
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP COLUMN \"signatory_title\"");
    await queryRunner.query("ALTER TABLE \"rotation_events\" DROP COLUMN \"signatory_name\"");
  }
}
