import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitation links used to travel in the `membership.invited` outbox payload (and so in queue jobs), where a
 * database or Redis dump could take them. Events now carry only the invitation id and the secret is created when
 * the message is sent. This removes the stored tokens and makes every unaccepted link that was ever stored stop
 * working (a district admin re-sends the invitation; the new message carries a fresh link).
 */
export class InvitationTokensOutOfStorage1763777400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE outbox_events SET payload = jsonb_build_object('invitationId', payload->'invitationId')
                    WHERE type = 'membership.invited' AND payload ? 'acceptToken'`);
    // invitations is under forced RLS even for its owner: visit each district in turn.
    await q.query(`DO $$
      DECLARE t uuid;
      BEGIN
        FOR t IN SELECT id FROM tenants LOOP
          PERFORM set_config('app.tenant_id', t::text, true);
          UPDATE invitations SET token_hash = sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8'))
           WHERE accepted_at IS NULL;
        END LOOP;
        PERFORM set_config('app.tenant_id', '', true);
      END $$`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the removed tokens must not come back.
  }
}
