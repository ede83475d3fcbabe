import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TransferKindRetirement1795917889484 implements MigrationInterface {
  name = 'TransferKindRetirement1795917889484';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TYPE \"public\".\"transfer_kind\" ADD VALUE 'RETIREMENT'");
  }

  // Fails while a transfer is still of kind RETIREMENT: restate those first.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"transfer_kind_old\" AS ENUM('ROTATION', 'TRANSFER', 'PROMOTION', 'DEMOTION', 'REASSIGNMENT', 'APPOINTMENT', 'DISMISSAL', 'ACTING_START', 'ACTING_END')");
    await queryRunner.query("ALTER TABLE \"transfers\" ALTER COLUMN \"kind\" TYPE \"public\".\"transfer_kind_old\" USING \"kind\"::\"text\"::\"public\".\"transfer_kind_old\"");
    await queryRunner.query("DROP TYPE \"public\".\"transfer_kind\"");
    await queryRunner.query("ALTER TYPE \"public\".\"transfer_kind_old\" RENAME TO \"transfer_kind\"");
  }
}
