import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A post stays in its government: moving it to a unit of another one would move its past
 * events and its holders' employing government with it, and the events' government_id would
 * no longer match their posts. Units are guarded the same way (organizations_government_move).
 */
export class PostGovernment1795940708013 implements MigrationInterface {
  name = 'PostGovernment1795940708013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION mutasi_post_government() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (SELECT government_id FROM organizations WHERE id = NEW.organization_id)
            IS DISTINCT FROM (SELECT government_id FROM organizations WHERE id = OLD.organization_id) THEN
           RAISE EXCEPTION 'a post cannot move to another government' USING ERRCODE = 'check_violation', CONSTRAINT = 'positions_government_move';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER positions_government BEFORE UPDATE OF organization_id ON positions FOR EACH ROW
       WHEN (NEW.organization_id IS DISTINCT FROM OLD.organization_id) EXECUTE FUNCTION mutasi_post_government()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER positions_government ON positions');
    await queryRunner.query('DROP FUNCTION mutasi_post_government()');
  }
}
