import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The new enum values, in a migration of their own: PostgreSQL lets a value added by
 * ALTER TYPE … ADD VALUE be used only after its transaction commits, and the next migration's
 * constraints name 'ADDITIONAL_TASK'.
 */
export class AdditionalTaskValues1795919753946 implements MigrationInterface {
  name = 'AdditionalTaskValues1795919753946';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."capacity" ADD VALUE 'ADDITIONAL_TASK'`);
    await queryRunner.query(`ALTER TYPE "public"."transfer_kind" ADD VALUE 'ADDITIONAL_TASK_START'`);
    await queryRunner.query(`ALTER TYPE "public"."transfer_kind" ADD VALUE 'ADDITIONAL_TASK_END'`);
    await queryRunner.query(`ALTER TYPE "public"."transfer_kind" ADD VALUE 'EQUALIZATION'`);
  }

  // Fails while a row still uses one of the values: restate those first. The index and
  // constraints whose predicates compare capacities are rebuilt around the type change.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."transfers_acting_to_position_idx"`);
    await queryRunner.query(`ALTER TABLE "appointments" DROP CONSTRAINT "appointments_position_no_overlap"`);
    await queryRunner.query(`ALTER TABLE "appointments" DROP CONSTRAINT "appointments_official_no_overlap"`);
    await queryRunner.query(
      `CREATE TYPE "public"."transfer_kind_old" AS ENUM('ROTATION', 'TRANSFER', 'PROMOTION', 'DEMOTION', 'REASSIGNMENT', 'APPOINTMENT', 'DISMISSAL', 'RETIREMENT', 'ACTING_START', 'ACTING_END')`,
    );
    await queryRunner.query(`ALTER TABLE "transfers" ALTER COLUMN "kind" TYPE "public"."transfer_kind_old" USING "kind"::"text"::"public"."transfer_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."transfer_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."transfer_kind_old" RENAME TO "transfer_kind"`);
    await queryRunner.query(`ALTER TABLE "transfers" ALTER COLUMN "capacity" DROP DEFAULT`);
    await queryRunner.query(`CREATE TYPE "public"."capacity_old" AS ENUM('DEFINITIVE', 'ACTING', 'STAND_IN')`);
    await queryRunner.query(`ALTER TABLE "transfers" ALTER COLUMN "capacity" TYPE "public"."capacity_old" USING "capacity"::"text"::"public"."capacity_old"`);
    await queryRunner.query(`ALTER TABLE "appointments" ALTER COLUMN "capacity" TYPE "public"."capacity_old" USING "capacity"::"text"::"public"."capacity_old"`);
    await queryRunner.query(`DROP TYPE "public"."capacity"`);
    await queryRunner.query(`ALTER TYPE "public"."capacity_old" RENAME TO "capacity"`);
    await queryRunner.query(`ALTER TABLE "transfers" ALTER COLUMN "capacity" SET DEFAULT 'DEFINITIVE'`);
    for (const column of ['position_id', 'official_id']) {
      const name = column === 'position_id' ? 'appointments_position_no_overlap' : 'appointments_official_no_overlap';
      await queryRunner.query(
        `ALTER TABLE "appointments" ADD CONSTRAINT "${name}" EXCLUDE USING gist ("${column}" WITH =, daterange("started_on", "ended_on") WITH &&) WHERE ("capacity" = 'DEFINITIVE') DEFERRABLE INITIALLY DEFERRED`,
      );
    }
    await queryRunner.query(`CREATE INDEX "transfers_acting_to_position_idx" ON "transfers" ("to_position_id") WHERE capacity <> 'DEFINITIVE'`);
  }
}
