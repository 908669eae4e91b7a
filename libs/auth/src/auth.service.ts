import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Actor, AppConfig, Role } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { AuthErrorCode, authError } from './auth.errors';
import { PasswordService } from './password.service';
import { TokenPair, TokenService, hashSecret, newSecret, secretMatches } from './token.service';

export interface DistrictChoice {
  districtCode: string;
  districtName: string;
  tenantId: string;
  membershipId: string;
  roles: Role[];
  status: string;
}

export interface DistrictSwitch {
  accessToken: string;
  accessTokenExpiresIn: number;
  district: DistrictChoice;
  districts: DistrictChoice[];
}

export interface SessionResult extends TokenPair {
  /** The district this session works in, if one is chosen. */
  district: DistrictChoice | null;
  /** Every district the person belongs to, to choose from. */
  districts: DistrictChoice[];
}

interface UserRow {
  id: string;
  status: string;
  password_hash: string | null;
  failed_login_count: number;
  locked_until: Date | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The result of a check whose refusal must be thrown only after its bookkeeping committed. */
type Checked<T> = { ok: true; value: T } | { ok: false; refusal: AuthErrorCode; failures?: number; lockedUntil?: Date };

/**
 * Sign-in, sessions and token rotation. Identity is global; a session may point at one district at a time.
 * Failure bookkeeping (failed-login counters, revoking a family on refresh-token reuse) is committed in its own
 * transaction before the refusal is thrown, so a refusal can never roll back its own protection.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly ctx: TenantContext,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a login and password. Every refusal looks the same from outside — one code (INVALID_CREDENTIALS), one
   * argon2 verification (against a dummy hash when there is no usable one) and one fixed pause — whether the login is
   * unknown, invited without a password, locked or simply wrong; otherwise the answer told which people have
   * accounts. Wrong passwords still count per account and lock it silently for LOGIN_LOCK_MINUTES after
   * LOGIN_MAX_FAILURES in a row: while locked even the right password is refused, with the same answer.
   */
  async verifyCredentials(login: string, password: string): Promise<string> {
    const normalised = login.trim().toLowerCase().replace(/^\+?86(?=1[3-9]\d{9}$)/, '');
    const outcome = await this.runner.run({}, async (): Promise<Checked<string>> => {
      const m = this.ctx.manager();
      const [user]: UserRow[] = await m.query(
        `SELECT id, status, password_hash, failed_login_count, locked_until FROM users
          WHERE phone = $1 OR email = $1 FOR UPDATE`,
        [normalised],
      );
      const locked = !!user?.locked_until && user.locked_until > this.clock.now();
      if (!user || !user.password_hash || locked) {
        await this.passwords.burn(password);
        return { ok: false, refusal: AuthErrorCode.INVALID_CREDENTIALS };
      }
      if (await this.passwords.verify(user.password_hash, password)) {
        if (user.status !== 'active') return { ok: false, refusal: AuthErrorCode.ACCOUNT_DISABLED };
        await m.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [user.id]);
        return { ok: true, value: user.id };
      }
      await this.countFailure(user);
      return { ok: false, refusal: AuthErrorCode.INVALID_CREDENTIALS };
    });
    if (outcome.ok) return outcome.value;
    // Slows guessing by the same amount for every refusal, so the pause itself tells nothing.
    await sleep(this.config.loginSlowdownMs);
    throw authError(outcome.refusal);
  }

  /** A wrong password: one more failure in a row, and a lock when there are too many. */
  private async countFailure(user: UserRow): Promise<void> {
    const failures = user.failed_login_count + 1;
    const lock = failures >= this.config.loginMaxFailures;
    await this.ctx.manager().query(
      `UPDATE users SET failed_login_count = $2, locked_until = $3 WHERE id = $1`,
      [user.id, lock ? 0 : failures, lock ? new Date(this.clock.now().getTime() + this.config.loginLockMinutes * 60_000) : null],
    );
  }

  /**
   * Opens a session after a successful sign-in. With exactly one active district it is chosen straight away. Someone
   * every district of theirs has suspended is refused with that reason (after the password was checked, so it tells
   * nothing to anyone else): a session could only show them a list of districts they may not enter.
   */
  async startSession(userId: string, userAgent: string | undefined): Promise<SessionResult> {
    return this.runner.run({ userId }, async () => {
      const districts = await this.districtsOf(userId);
      const active = districts.filter((d) => d.status === 'active');
      if (districts.length && !active.length) {
        const [user]: Array<{ is_platform_operator: boolean }> = await this.ctx.manager().query(`SELECT is_platform_operator FROM users WHERE id = $1`, [userId]);
        if (!user?.is_platform_operator) throw authError(AuthErrorCode.MEMBERSHIP_SUSPENDED);
      }
      const district = active.length === 1 ? active[0] : null;
      const [session]: Array<{ id: string }> = await this.ctx.manager().query(
        `INSERT INTO auth_sessions (user_id, active_tenant_id, user_agent) VALUES ($1, $2, $3) RETURNING id`,
        [userId, district?.tenantId ?? null, userAgent?.slice(0, 200) ?? null],
      );
      const pair = await this.issue(userId, session.id, district);
      return { ...pair, district, districts };
    });
  }

  /**
   * Rotates a refresh token. Presenting one that was already spent revokes the whole session family — unless it was
   * spent within the last REFRESH_REUSE_GRACE_SECONDS (30): then the rotation's answer most likely never arrived (a
   * phone that lost its connection mid-refresh, a page reloaded twice in a row, two tabs opening at once), and the
   * same session rotates again instead of signing the person out. A thief holding the token gains at most that window,
   * which they already had before its first use; the token still works only once outside it.
   */
  async refresh(refreshToken: string): Promise<SessionResult> {
    const [tokenId, secret = ''] = refreshToken.split('.');
    if (!secret || !/^[0-9a-f-]{36}$/.test(tokenId)) throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    const outcome = await this.runner.run({}, async (): Promise<Checked<SessionResult>> => {
      const m = this.ctx.manager();
      const [row]: Array<{ token_hash: Buffer; used_at: Date | null; within_grace: boolean; expires_at: Date; session_id: string; user_id: string; revoked_at: Date | null; active_tenant_id: string | null; user_status: string }> =
        await m.query(
          `SELECT rt.token_hash, rt.used_at, rt.used_at > now() - make_interval(secs => $2) AS within_grace,
                  rt.expires_at, rt.session_id, s.user_id, s.revoked_at, s.active_tenant_id, u.status AS user_status
             FROM refresh_tokens rt JOIN auth_sessions s ON s.id = rt.session_id JOIN users u ON u.id = s.user_id
            WHERE rt.id = $1 FOR UPDATE OF rt, s`,
          [tokenId, this.config.refreshReuseGraceSeconds],
        );
      // Session lifetimes are security, not business time: the token service stamps them on the machine's clock, so
      // they are judged on it too (a test moving the business clock a year on must not sign everyone out).
      if (!row || !secretMatches(secret, row.token_hash) || row.revoked_at || row.expires_at < new Date() || row.user_status !== 'active') {
        return { ok: false, refusal: AuthErrorCode.REFRESH_TOKEN_INVALID };
      }
      if (row.used_at && !row.within_grace) {
        await m.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh_token_reuse' WHERE id = $1`, [row.session_id]);
        return { ok: false, refusal: AuthErrorCode.REFRESH_TOKEN_REUSED };
      }
      // The first use starts the window; a use inside it leaves the time as it is, so the window never slides.
      if (!row.used_at) await m.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [tokenId]);
      await this.ctx.manager().query(`SELECT set_config('app.user_id', $1, true)`, [row.user_id]);
      const districts = await this.districtsOf(row.user_id);
      const district = districts.find((d) => d.tenantId === row.active_tenant_id && d.status === 'active') ?? null;
      const pair = await this.issue(row.user_id, row.session_id, district);
      return { ok: true, value: { ...pair, district, districts } };
    });
    if (!outcome.ok) throw authError(outcome.refusal);
    return outcome.value;
  }

  /** Points the current session at another district the person is an active member of. */
  async chooseDistrict(actor: Actor, districtCode: string): Promise<DistrictSwitch> {
    const districts = await this.districtsOf(actor.userId);
    const district = districts.find((d) => d.districtCode === districtCode && d.status === 'active');
    if (!district) throw authError(AuthErrorCode.NOT_A_MEMBER, { districtCode });
    await this.ctx.manager().query(`UPDATE auth_sessions SET active_tenant_id = $2 WHERE id = $1`, [actor.sessionId, district.tenantId]);
    // The refresh token stays as it is: later refreshes follow the session's chosen district.
    const access = this.tokens.signAccess({ sub: actor.userId, sid: actor.sessionId!, tid: district.tenantId, mid: district.membershipId });
    return { accessToken: access.token, accessTokenExpiresIn: access.expiresIn, district, districts };
  }

  async logout(actor: Actor): Promise<void> {
    await this.ctx.manager().query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1 AND revoked_at IS NULL`, [actor.sessionId]);
  }

  /** Ends every session of the person; their access tokens die with them (each request checks its session). */
  async logoutEverywhere(userId: string, reason = 'logout_all'): Promise<void> {
    await this.ctx.manager().query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, reason]);
  }

  /**
   * Changes the password after checking the current one; every other session is signed out. The current password is
   * guarded like sign-in — a stolen access token must not become unlimited guesses: wrong answers count towards the
   * same per-account lock (committed in their own transaction, so the refusal cannot roll its bookkeeping back) and
   * a locked account is refused even with the right password.
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    this.passwords.assertStrong(next);
    const checked = await this.runner.run({}, async (): Promise<boolean> => {
      const [user]: UserRow[] = await this.ctx.manager().query(
        `SELECT id, status, password_hash, failed_login_count, locked_until FROM users WHERE id = $1 FOR UPDATE`, [actor.userId]);
      const locked = !!user?.locked_until && user.locked_until > this.clock.now();
      if (!user?.password_hash || locked) {
        await this.passwords.burn(current);
        return false;
      }
      if (await this.passwords.verify(user.password_hash, current)) return true;
      await this.countFailure(user);
      return false;
    });
    if (!checked) {
      await sleep(this.config.loginSlowdownMs);
      throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    const m = this.ctx.manager();
    await m.query(`UPDATE users SET password_hash = $2, failed_login_count = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [actor.userId, await this.passwords.hash(next)]);
    await m.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'password_changed' WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [actor.userId, actor.sessionId],
    );
  }

  /** The person's memberships in every district, readable through the `own_memberships` policy. */
  async districtsOf(userId: string): Promise<DistrictChoice[]> {
    const rows: Array<{ code: string; name: string; tenant_id: string; id: string; roles: Role[]; status: string }> =
      await this.ctx.manager().query(
        `SELECT t.code, t.name, m.tenant_id, m.id, m.roles, m.status
           FROM memberships m JOIN tenants t ON t.id = m.tenant_id
          WHERE m.user_id = $1 AND t.status = 'active' AND m.status <> 'invited' ORDER BY t.code`,
        [userId],
      );
    return rows.map((r) => ({ districtCode: r.code, districtName: r.name, tenantId: r.tenant_id, membershipId: r.id, roles: r.roles, status: r.status }));
  }

  private async issue(userId: string, sessionId: string, district: DistrictChoice | null): Promise<TokenPair> {
    const secret = newSecret();
    const expiresAt = this.tokens.refreshExpiry();
    const [rt]: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [sessionId, hashSecret(secret), expiresAt],
    );
    const access = this.tokens.signAccess({ sub: userId, sid: sessionId, tid: district?.tenantId, mid: district?.membershipId });
    return {
      accessToken: access.token,
      accessTokenExpiresIn: access.expiresIn,
      refreshToken: `${rt.id}.${secret}`,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }
}
