import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActingTransfersIndex1795842026152 implements MigrationInterface {
  name = 'ActingTransfersIndex1795842026152';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"transfers_acting_to_position_idx\" ON \"transfers\"  (\"to_position_id\") WHERE capacity <> 'DEFINITIVE'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"transfers_acting_to_position_idx\"");
  }
}
