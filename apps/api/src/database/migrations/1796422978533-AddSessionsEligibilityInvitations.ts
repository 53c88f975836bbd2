import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSessionsEligibilityInvitations1796422978533 implements MigrationInterface {
  name = 'AddSessionsEligibilityInvitations1796422978533';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"invitation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"process_id\" uuid NOT NULL, \"email_lower\" character varying(320) NOT NULL, \"role\" character varying(20) NOT NULL, \"sector\" character varying(20) NOT NULL, \"organization\" character varying(200), \"status\" character varying(10) NOT NULL DEFAULT 'PENDING', \"invited_by_id\" uuid NOT NULL, \"responded_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"responded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_beb994737756c0f18a1c1f8669c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invitation_pending\" ON \"invitation\"  (\"process_id\", \"email_lower\") WHERE status = 'PENDING'");
    await queryRunner.query("CREATE INDEX \"ix_invitation_process\" ON \"invitation\"  (\"process_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_invitation_email\" ON \"invitation\"  (\"email_lower\") ");
    await queryRunner.query("CREATE TABLE \"membership_removal\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"process_id\" uuid NOT NULL, \"participant_id\" uuid NOT NULL, \"removed_by_id\" uuid NOT NULL, \"removed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9b9bf7018f5d8e6061050805499\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_membership_removal\" ON \"membership_removal\"  (\"process_id\", \"participant_id\") ");
    await queryRunner.query("CREATE TABLE \"session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"participant_id\" uuid NOT NULL, \"kind\" character varying(10) NOT NULL, \"scope_process_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" character varying(30), CONSTRAINT \"PK_f55da76ac1c3ac420f444d2ff11\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_session_participant\" ON \"session\"  (\"participant_id\") ");
    await queryRunner.query("CREATE TABLE \"admission_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"meeting_id\" uuid NOT NULL, \"process_id\" uuid NOT NULL, \"participant_id\" uuid NOT NULL, \"sector\" character varying(20) NOT NULL, \"organization\" character varying(200), \"status\" character varying(10) NOT NULL DEFAULT 'PENDING', \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_35051ced56ec942d54ee08443b9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_admission_request_pending\" ON \"admission_request\"  (\"meeting_id\") WHERE status = 'PENDING'");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_admission_request\" ON \"admission_request\"  (\"meeting_id\", \"participant_id\") ");
    await queryRunner.query("ALTER TABLE \"participant\" ADD \"device_id\" uuid");
    await queryRunner.query("ALTER TABLE \"meeting\" ADD \"join_token\" character varying(32)");
    await queryRunner.query("ALTER TABLE \"meeting\" ADD \"admission\" character varying(20) NOT NULL DEFAULT 'CODE'");
    await queryRunner.query("ALTER TABLE \"meeting\" ADD \"guests_per_device\" smallint NOT NULL DEFAULT '1'");
    await queryRunner.query("CREATE INDEX \"ix_participant_guest_device\" ON \"participant\"  (\"guest_process_id\", \"device_id\") WHERE device_id IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"session\" ADD CONSTRAINT \"FK_5ef0217953b38f4f6cb518ad063\" FOREIGN KEY (\"participant_id\") REFERENCES \"participant\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"session\" DROP CONSTRAINT \"FK_5ef0217953b38f4f6cb518ad063\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_participant_guest_device\"");
    await queryRunner.query("ALTER TABLE \"meeting\" DROP COLUMN \"guests_per_device\"");
    await queryRunner.query("ALTER TABLE \"meeting\" DROP COLUMN \"admission\"");
    await queryRunner.query("ALTER TABLE \"meeting\" DROP COLUMN \"join_token\"");
    await queryRunner.query("ALTER TABLE \"participant\" DROP COLUMN \"device_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_admission_request\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_admission_request_pending\"");
    await queryRunner.query("DROP TABLE \"admission_request\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_session_participant\"");
    await queryRunner.query("DROP TABLE \"session\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_membership_removal\"");
    await queryRunner.query("DROP TABLE \"membership_removal\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_invitation_email\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_invitation_process\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_invitation_pending\"");
    await queryRunner.query("DROP TABLE \"invitation\"");
  }
}
