import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDeliveryTracking1796642130313 implements MigrationInterface {
  name = 'AddDeliveryTracking1796642130313';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kpi_measurement\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"process_id\" uuid NOT NULL, \"proposal_id\" uuid NOT NULL, \"kpi_id\" character varying(80) NOT NULL, \"value\" double precision NOT NULL, \"measured_at\" date NOT NULL, \"source\" character varying(500), \"note\" character varying(2000), \"sector\" character varying(20), \"supersedes_id\" uuid, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_eeb893404751e92342eebe496b8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kpi_measurement_process\" ON \"kpi_measurement\"  (\"process_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_kpi_measurement_kpi\" ON \"kpi_measurement\"  (\"kpi_id\", \"measured_at\") ");
    await queryRunner.query("ALTER TABLE \"process\" ADD \"progress_public\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"process\" ADD \"region\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"proposal\" ADD \"revises_record_id\" uuid");
    await queryRunner.query("ALTER TABLE \"proposal\" ADD \"provenance\" jsonb");
    await queryRunner.query("ALTER TABLE \"action_item\" ADD \"start_date\" date");
    await queryRunner.query("ALTER TABLE \"action_item\" ADD \"progress\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"action_item\" ADD \"status_reason\" character varying(2000)");
    await queryRunner.query("ALTER TABLE \"action_item\" ADD \"kpi_id\" character varying(80)");
    await queryRunner.query("ALTER TABLE \"action_item\" ADD \"status_changed_at\" TIMESTAMP WITH TIME ZONE");
    // Widened in place (not dropped and re-added, which the generator wrote): existing items keep
    // their status, OPEN reads as PLANNED from now on, and done items are 100 % done.
    await queryRunner.query("ALTER TABLE \"action_item\" ALTER COLUMN \"status\" TYPE character varying(12)");
    await queryRunner.query("ALTER TABLE \"action_item\" ALTER COLUMN \"status\" SET DEFAULT 'PLANNED'");
    await queryRunner.query("UPDATE \"action_item\" SET \"status\" = 'PLANNED' WHERE \"status\" = 'OPEN'");
    await queryRunner.query("UPDATE \"action_item\" SET \"progress\" = 100 WHERE \"status\" = 'DONE'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE \"action_item\" SET \"status\" = CASE WHEN \"status\" = 'DONE' THEN 'DONE' ELSE 'OPEN' END");
    await queryRunner.query("ALTER TABLE \"action_item\" ALTER COLUMN \"status\" SET DEFAULT 'OPEN'");
    await queryRunner.query("ALTER TABLE \"action_item\" ALTER COLUMN \"status\" TYPE character varying(10)");
    await queryRunner.query("ALTER TABLE \"action_item\" DROP COLUMN \"status_changed_at\"");
    await queryRunner.query("ALTER TABLE \"action_item\" DROP COLUMN \"kpi_id\"");
    await queryRunner.query("ALTER TABLE \"action_item\" DROP COLUMN \"status_reason\"");
    await queryRunner.query("ALTER TABLE \"action_item\" DROP COLUMN \"progress\"");
    await queryRunner.query("ALTER TABLE \"action_item\" DROP COLUMN \"start_date\"");
    await queryRunner.query("ALTER TABLE \"proposal\" DROP COLUMN \"provenance\"");
    await queryRunner.query("ALTER TABLE \"proposal\" DROP COLUMN \"revises_record_id\"");
    await queryRunner.query("ALTER TABLE \"process\" DROP COLUMN \"region\"");
    await queryRunner.query("ALTER TABLE \"process\" DROP COLUMN \"progress_public\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kpi_measurement_kpi\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kpi_measurement_process\"");
    await queryRunner.query("DROP TABLE \"kpi_measurement\"");
  }
}
