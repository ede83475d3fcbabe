import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Functional levels and seats (formasi). Generated, then completed by hand: the generator does
 * not see the changed expression of appointments_position_no_overlap (now per seat, and also
 * over additional-task heads), and the enum values it listed are the previous migration's.
 */
export class FunctionalPostsAndSeats1795919773940 implements MigrationInterface {
  name = 'FunctionalPostsAndSeats1795919773940';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"functional_level\" AS ENUM('BEGINNER', 'SKILLED', 'PROFICIENT', 'SUPERVISING', 'EXPERT_FIRST', 'EXPERT_JUNIOR', 'EXPERT_MIDDLE', 'EXPERT_PRINCIPAL')");
    await queryRunner.query("ALTER TABLE \"positions\" ADD \"functional_level\" \"public\".\"functional_level\"");
    await queryRunner.query("ALTER TABLE \"positions\" ADD \"seats\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD \"seat\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD \"position_seats\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"positions\" ADD CONSTRAINT \"positions_functional_level_check\" CHECK (functional_level IS NULL OR category = 'FUNCTIONAL')");
    await queryRunner.query("ALTER TABLE \"positions\" ADD CONSTRAINT \"positions_seats_check\" CHECK (seats >= 1 AND (seats = 1 OR category IN ('FUNCTIONAL', 'EXECUTOR')))");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_seat_check\" CHECK (seat BETWEEN 1 AND position_seats)");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_position_no_overlap\"");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_position_no_overlap\" EXCLUDE USING gist (\"position_id\" WITH =, \"seat\" WITH =, daterange(\"started_on\", \"ended_on\") WITH &&) WHERE (\"capacity\" IN ('DEFINITIVE', 'ADDITIONAL_TASK')) DEFERRABLE INITIALLY DEFERRED");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_official_one_task\" EXCLUDE USING gist (\"official_id\" WITH =, daterange(\"started_on\", \"ended_on\") WITH &&) WHERE (\"capacity\" = 'ADDITIONAL_TASK') DEFERRABLE INITIALLY DEFERRED");
    await queryRunner.query("ALTER TABLE \"positions\" ADD CONSTRAINT \"positions_id_seats_key\" UNIQUE (\"id\", \"seats\")");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_position_seats_fkey\" FOREIGN KEY (\"position_id\", \"position_seats\") REFERENCES \"positions\"(\"id\",\"seats\") ON DELETE RESTRICT ON UPDATE CASCADE");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_position_seats_fkey\"");
    await queryRunner.query("ALTER TABLE \"positions\" DROP CONSTRAINT \"positions_id_seats_key\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_official_one_task\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_seat_check\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP CONSTRAINT \"appointments_position_no_overlap\"");
    await queryRunner.query("ALTER TABLE \"appointments\" ADD CONSTRAINT \"appointments_position_no_overlap\" EXCLUDE USING gist (\"position_id\" WITH =, daterange(\"started_on\", \"ended_on\") WITH &&) WHERE (\"capacity\" = 'DEFINITIVE') DEFERRABLE INITIALLY DEFERRED");
    await queryRunner.query("ALTER TABLE \"positions\" DROP CONSTRAINT \"positions_seats_check\"");
    await queryRunner.query("ALTER TABLE \"positions\" DROP CONSTRAINT \"positions_functional_level_check\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP COLUMN \"position_seats\"");
    await queryRunner.query("ALTER TABLE \"appointments\" DROP COLUMN \"seat\"");
    await queryRunner.query("ALTER TABLE \"positions\" DROP COLUMN \"seats\"");
    await queryRunner.query("ALTER TABLE \"positions\" DROP COLUMN \"functional_level\"");
    await queryRunner.query("DROP TYPE \"public\".\"functional_level\"");
  }
}
