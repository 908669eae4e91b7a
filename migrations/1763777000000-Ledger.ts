import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole, appendOnly, tenantRls } from '../libs/database/src/migration-sql';

/**
 * The ledger (libs/ledger): accounts, journal entries, their postings and reservations. The database, not only the
 * code, keeps the books honest:
 * - a balance changes only through a posting: a trigger adds each posting to its account's cached balance in the
 *   same statement, and the application role may neither insert an account with a balance nor update one;
 * - entries and postings are append-only (no UPDATE, DELETE or TRUNCATE, even for the owner);
 * - every entry has at least two postings that sum to zero (checked at commit by deferred constraint triggers);
 * - `balance - reserved >= floor` is a CHECK on the account row (the service checks first under a row lock, so
 *   this is a belt, not the way refusals normally surface);
 * - a reservation leaves `active` exactly once, to `posted` or `released`, and the reserved total follows it.
 */
export class Ledger1763777000000 implements MigrationInterface {
  name = 'Ledger1763777000000';

  async up(q: QueryRunner): Promise<void> {
    const app = appRole();
    const code = (col: string) => `CHECK (${col} ~ '^[a-z][a-z0-9_.]{0,39}$')`;
    const sql: string[] = [
      `CREATE TABLE ledger_accounts (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         owner_type text NOT NULL ${code('owner_type')},
         owner_id uuid NOT NULL,
         kind text NOT NULL ${code('kind')},
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
         currency char(3) NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
         -- NULL: no floor (a source account such as the treasury's appropriation, which goes negative as it pays out).
         floor_fen bigint,
         balance_fen bigint NOT NULL DEFAULT 0,
         reserved_fen bigint NOT NULL DEFAULT 0 CHECK (reserved_fen >= 0),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, owner_type, owner_id, kind),
         CONSTRAINT ledger_accounts_floor CHECK (floor_fen IS NULL OR balance_fen - reserved_fen >= floor_fen))`,

      `CREATE TABLE ledger_entries (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         seq bigint GENERATED ALWAYS AS IDENTITY,
         transfer_id text NOT NULL CHECK (length(transfer_id) BETWEEN 1 AND 100),
         request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
         kind text NOT NULL CHECK (kind IN ('transfer','reservation_post','reversal')),
         cause_type text ${code('cause_type')},
         cause_id uuid,
         memo text CHECK (length(memo) <= 500),
         reversal_of uuid,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, transfer_id),
         FOREIGN KEY (tenant_id, reversal_of) REFERENCES ledger_entries (tenant_id, id),
         CHECK ((cause_type IS NULL) = (cause_id IS NULL)),
         CHECK ((kind = 'reversal') = (reversal_of IS NOT NULL)))`,
      // An entry is reversed at most once.
      `CREATE UNIQUE INDEX ledger_entries_one_reversal ON ledger_entries (tenant_id, reversal_of) WHERE reversal_of IS NOT NULL`,
      `CREATE INDEX ledger_entries_cause_idx ON ledger_entries (tenant_id, cause_type, cause_id)`,
      `CREATE INDEX ledger_entries_seq_idx ON ledger_entries (tenant_id, seq)`,

      `CREATE TABLE ledger_postings (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         seq bigint GENERATED ALWAYS AS IDENTITY,
         entry_id uuid NOT NULL,
         line_no int NOT NULL CHECK (line_no >= 0),
         account_id uuid NOT NULL,
         counterparty_account_id uuid NOT NULL,
         amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
         -- Set by the trigger below from the account row it updates; whatever the inserter sends is overwritten.
         balance_after_fen bigint NOT NULL DEFAULT 0,
         reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, entry_id, line_no, account_id),
         FOREIGN KEY (tenant_id, entry_id) REFERENCES ledger_entries (tenant_id, id),
         FOREIGN KEY (tenant_id, account_id) REFERENCES ledger_accounts (tenant_id, id),
         FOREIGN KEY (tenant_id, counterparty_account_id) REFERENCES ledger_accounts (tenant_id, id),
         CHECK (account_id <> counterparty_account_id))`,
      `CREATE INDEX ledger_postings_account_idx ON ledger_postings (tenant_id, account_id, seq)`,

      `CREATE TABLE ledger_reservations (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         reservation_key text NOT NULL CHECK (length(reservation_key) BETWEEN 1 AND 100),
         request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
         account_id uuid NOT NULL,
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         cause_type text NOT NULL ${code('cause_type')},
         cause_id uuid NOT NULL,
         memo text CHECK (length(memo) <= 500),
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','posted','released')),
         posted_fen bigint,
         posted_entry_id uuid,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         closed_at timestamptz,
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, reservation_key),
         FOREIGN KEY (tenant_id, account_id) REFERENCES ledger_accounts (tenant_id, id),
         FOREIGN KEY (tenant_id, posted_entry_id) REFERENCES ledger_entries (tenant_id, id),
         CHECK ((status = 'active') = (closed_at IS NULL)),
         CHECK ((status = 'posted') = (posted_entry_id IS NOT NULL)),
         CHECK ((status = 'posted') = (posted_fen IS NOT NULL)),
         CHECK (posted_fen IS NULL OR (posted_fen > 0 AND posted_fen <= amount_fen)))`,
      `CREATE INDEX ledger_reservations_account_idx ON ledger_reservations (tenant_id, account_id) WHERE status = 'active'`,

      // A posting moves its account's balance in the same statement and records the balance after it (for
      // statements). SECURITY DEFINER because the application role may not update balances itself. Never insert
      // postings with ON CONFLICT: BEFORE triggers run for rows that a conflict then discards.
      `CREATE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         UPDATE ledger_accounts SET balance_fen = balance_fen + NEW.amount_fen
          WHERE tenant_id = NEW.tenant_id AND id = NEW.account_id
          RETURNING balance_fen INTO NEW.balance_after_fen;
         IF NOT FOUND THEN
           RAISE EXCEPTION 'ledger account % not found', NEW.account_id USING ERRCODE = 'foreign_key_violation';
         END IF;
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER ledger_postings_apply BEFORE INSERT ON ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting()`,

      // Reserved totals follow the reservations; a reservation leaves 'active' once and its terms never change.
      // AFTER, so an INSERT ... ON CONFLICT DO NOTHING that inserts nothing reserves nothing.
      `CREATE FUNCTION ledger_apply_reservation() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       DECLARE delta bigint;
       BEGIN
         IF TG_OP = 'INSERT' THEN
           IF NEW.status <> 'active' THEN
             RAISE EXCEPTION 'a reservation starts active' USING ERRCODE = 'check_violation';
           END IF;
           delta := NEW.amount_fen;
         ELSE
           IF OLD.status <> 'active' OR NEW.status = 'active' THEN
             RAISE EXCEPTION 'reservation % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
           END IF;
           IF (NEW.tenant_id, NEW.id, NEW.reservation_key, NEW.request_hash, NEW.account_id, NEW.amount_fen, NEW.cause_type, NEW.cause_id, NEW.created_at)
              IS DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.reservation_key, OLD.request_hash, OLD.account_id, OLD.amount_fen, OLD.cause_type, OLD.cause_id, OLD.created_at) THEN
             RAISE EXCEPTION 'the terms of reservation % cannot change', OLD.id USING ERRCODE = 'check_violation';
           END IF;
           delta := -OLD.amount_fen;
         END IF;
         UPDATE ledger_accounts SET reserved_fen = reserved_fen + delta WHERE tenant_id = NEW.tenant_id AND id = NEW.account_id;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER ledger_reservations_apply AFTER INSERT OR UPDATE ON ledger_reservations FOR EACH ROW EXECUTE FUNCTION ledger_apply_reservation()`,
      `CREATE TRIGGER ledger_reservations_no_delete BEFORE DELETE OR TRUNCATE ON ledger_reservations FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`,

      // Double entry, checked at commit: an entry has two or more postings and they sum to zero.
      `CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
       DECLARE eid uuid; n bigint; total numeric;
       BEGIN
         -- Two branches: plpgsql resolves NEW's fields per statement, and an entry row has no entry_id.
         IF TG_TABLE_NAME = 'ledger_entries' THEN eid := NEW.id; ELSE eid := NEW.entry_id; END IF;
         SELECT count(*), coalesce(sum(amount_fen), 0) INTO n, total FROM ledger_postings WHERE tenant_id = NEW.tenant_id AND entry_id = eid;
         IF n < 2 OR total <> 0 THEN
           RAISE EXCEPTION 'ledger entry % is unbalanced (% postings, sum %)', eid, n, total USING ERRCODE = 'check_violation';
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced()`,
      `CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced()`,
    ];
    for (const t of ['ledger_accounts', 'ledger_entries', 'ledger_postings', 'ledger_reservations']) sql.push(...tenantRls(t));
    sql.push(
      // Accounts: opened without a balance, renamed at most; balances and reserved totals move only by trigger.
      // (UPDATE on one column is also what SELECT ... FOR NO KEY UPDATE needs.)
      `GRANT SELECT, INSERT (tenant_id, id, owner_type, owner_id, kind, name, currency, floor_fen), UPDATE (name) ON ledger_accounts TO ${app}`,
      ...appendOnly('ledger_entries'),
      ...appendOnly('ledger_postings'),
      `GRANT SELECT, INSERT (tenant_id, id, reservation_key, request_hash, account_id, amount_fen, cause_type, cause_id, memo, created_by),
         UPDATE (status, posted_fen, posted_entry_id, closed_at) ON ledger_reservations TO ${app}`,
    );
    for (const s of sql) await q.query(s);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of [
      'DROP TABLE IF EXISTS ledger_reservations, ledger_postings, ledger_entries, ledger_accounts',
      'DROP FUNCTION IF EXISTS ledger_apply_posting(), ledger_apply_reservation(), ledger_check_entry_balanced()',
    ]) await q.query(s);
  }
}
