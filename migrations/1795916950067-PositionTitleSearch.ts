import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM cannot generate an expression index (the entity declares it with
 * synchronize: false), as for officials_search_key_trgm_idx in Init.
 */
export class PositionTitleSearch1795916950067 implements MigrationInterface {
  name = 'PositionTitleSearch1795916950067';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "positions_title_search_trgm_idx" ON "positions" USING gin (public.mutasi_search_key(title) gin_trgm_ops)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."positions_title_search_trgm_idx"');
  }
}
