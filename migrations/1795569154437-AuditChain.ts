import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes audit_event append-only and hash-chained, in the database itself:
 * - a BEFORE INSERT trigger takes the single chain-head row (a row lock held to commit, so
 *   concurrent inserts queue and the chain never forks), assigns seq, prev_hash and
 *   hash = sha256(prev_hash || canonical payload);
 * - UPDATE, DELETE and TRUNCATE are refused by triggers, whoever asks;
 * - audit_event_payload() is the one canonical serialisation, used by the trigger and by verification.
 */
export class AuditChain1795569154437 implements MigrationInterface {
  name = 'AuditChain1795569154437';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_chain_head" (
      "id" smallint PRIMARY KEY CHECK ("id" = 1),
      "seq" bigint NOT NULL,
      "hash" text NOT NULL
    )`);
    await queryRunner.query(`INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64))`);
    await queryRunner.query(`CREATE FUNCTION audit_event_payload(e audit_event) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object(
          'seq', e.seq,
          'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          'actorUserId', e.actor_user_id,
          'actorLabel', e.actor_label,
          'actorRole', e.actor_role,
          'action', e.action,
          'entityType', e.entity_type,
          'entityId', e.entity_id,
          'ipAddress', e.ip_address,
          'reason', e.reason,
          'details', e.details
        )::text
      $$`);
    await queryRunner.query(`CREATE FUNCTION audit_event_chain() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
      BEGIN
        UPDATE audit_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash INTO head_seq, head_hash;
        IF head_seq IS NULL THEN
          RAISE EXCEPTION 'audit chain head is missing';
        END IF;
        NEW.seq := head_seq;
        NEW.occurred_at := clock_timestamp();
        NEW.details := coalesce(NEW.details, '{}'::jsonb);
        NEW.prev_hash := head_hash;
        NEW.hash := encode(sha256(convert_to(head_hash || audit_event_payload(NEW), 'UTF8')), 'hex');
        UPDATE audit_chain_head SET hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    await queryRunner.query(`CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`DROP TRIGGER audit_event_chain ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_event_payload(audit_event)`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
  }
}
