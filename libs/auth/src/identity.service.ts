import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';

export interface Contact {
  name: string;
  phone?: string | null;
  email?: string | null;
}

/**
 * Global identities. A person is found by phone or e-mail; inviting someone who already exists in another district
 * reuses their identity (one login, memberships per district).
 */
@Injectable()
export class IdentityService {
  constructor(private readonly ctx: TenantContext) {}

  /** Returns the person's id and whether they can already sign in. Refuses a phone and e-mail of two different people. */
  async findOrCreate(contact: Contact): Promise<{ userId: string; created: boolean; hasPassword: boolean; conflict?: boolean }> {
    const m = this.ctx.manager();
    const phone = contact.phone ?? null;
    const email = contact.email?.toLowerCase() ?? null;
    const found: Array<{ id: string; password_hash: string | null }> = await m.query(
      `SELECT id, password_hash FROM users WHERE ($1::text IS NOT NULL AND phone = $1) OR ($2::text IS NOT NULL AND email = $2) FOR UPDATE`,
      [phone, email],
    );
    if (found.length > 1) return { userId: found[0].id, created: false, hasPassword: true, conflict: true };
    if (found.length === 1) return { userId: found[0].id, created: false, hasPassword: !!found[0].password_hash };
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO users (name, phone, email) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [contact.name, phone, email],
    );
    if (!row) return this.findOrCreate(contact); // a concurrent invitation created the person first
    return { userId: row.id, created: true, hasPassword: false };
  }

  async setPasswordHash(userId: string, hash: string, name?: string): Promise<void> {
    await this.ctx.manager().query(
      `UPDATE users SET password_hash = $2, name = COALESCE($3, name), updated_at = now() WHERE id = $1`,
      [userId, hash, name ?? null],
    );
  }
}
