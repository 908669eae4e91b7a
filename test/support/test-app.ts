import { INestApplication } from '@nestjs/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { AppConfig, loadConfig } from '@sanshe/common';
import { createApp } from '../../src/bootstrap';
import { OperatorBootstrap } from '../../src/modules/platform/operator-bootstrap.service';
import { ReceivedMail, TestMailbox, invitationIn } from './mailbox';

export const PASSWORD = 'Test-password-2026';

/** A running app on the worker's database, with its own queue prefix so parallel files never share jobs. */
export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** Set when started with `listen: true`: http://127.0.0.1:<free port>, for a real browser. */
  baseUrl?: string;
  /** The real SMTP server the app sends to (e-mail, and texts through the development SMS transport). */
  mailbox: TestMailbox;
  close(): Promise<void>;
}

/**
 * One SMTP server per test file, shared by every app the file starts: apps on the same database relay each other's
 * outbox rows, so a message may be sent by any of them.
 */
let mailbox: TestMailbox | undefined;
let mailboxUsers = 0;
async function openMailbox(): Promise<TestMailbox> {
  if (!mailbox) {
    const m = new TestMailbox();
    await m.start();
    mailbox = m;
  }
  mailboxUsers += 1;
  return mailbox;
}
async function releaseMailbox(): Promise<void> {
  mailboxUsers -= 1;
  if (mailboxUsers === 0 && mailbox) {
    const m = mailbox;
    mailbox = undefined;
    await m.close();
  }
}

export function testConfig(overrides: Partial<AppConfig> = {}, env: Record<string, string> = {}): AppConfig {
  return {
    ...loadConfig({
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      LOGIN_SLOWDOWN_MS: '50',
      OUTBOX_POLL_MS: '100',
      DATABASE_POOL_SIZE: '10',
      MASTER_KEY: process.env.MASTER_KEY || 'c2Fuc2hlLXRlc3QtbWFzdGVyLWtleS0wMTIzNDU2Nzg=',
      // Every test calls from 127.0.0.1; the rate-limit test turns limits back on for itself.
      RATE_LIMIT: 'false',
      // Tests run deadline sweeps themselves (tick / scanAll) against a test clock; a scheduler would race them.
      SCHEDULED_JOBS: 'false',
    }),
    queuePrefix: `t${process.env.JEST_WORKER_ID ?? '1'}-${randomBytes(4).toString('hex')}`,
    ...overrides,
  };
}

/** `logStream` receives the app's log lines instead of stdout (tests of what is logged); `listen` serves on a free port. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, opts: { listen?: boolean; logStream?: { write(line: string): void } } = {}): Promise<TestApp> {
  const box = await openMailbox();
  try {
    const config = testConfig(overrides, { SMTP_URL: box.url, MAIL_FROM: '三社联动测试 <no-reply@sanshe.test>' });
    const app = await createApp(config, { logger: process.env.TEST_LOGS === '1' || opts.logStream !== undefined, logStream: opts.logStream });
    let baseUrl: string | undefined;
    if (opts.listen) {
      // Port 0: the OS picks a free port, so parallel workers and a developer's `npm start` never collide.
      await app.listen(0, '127.0.0.1');
      baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      // Links the app mails (invitations) must lead to this server, as PUBLIC_BASE_URL makes them in production; the
      // port is known only now, and the link is built when mail is sent, from this same config object.
      if (overrides.publicBaseUrl === undefined) config.publicBaseUrl = baseUrl;
    } else {
      await app.init();
    }
    const server = app.getHttpServer();
    return { app, config, http: request(server), baseUrl, mailbox: box, close: async () => { try { await app.close(); } finally { await releaseMailbox(); } } };
  } catch (err) {
    await releaseMailbox();
    throw err;
  }
}

const taken = new WeakSet<ReceivedMail>();
/**
 * The next invitation that reached this phone number or e-mail address, as its holder would read it: waits for the
 * message (bounded), takes the link out of the text and returns the token. Each message is handed out once, so a
 * re-sent invitation is the next call's answer.
 */
export async function receiveInvitation(
  t: TestApp, to: string, timeoutMs = 30_000, opts: { invitationId?: string } = {},
): Promise<{ token: string; link: string; mail: ReceivedMail }> {
  const address = to.includes('@') ? to.toLowerCase() : to;
  // A token is `<district>.<invitation>.<secret>`: after a re-send, ask for the new invitation's mail, since the
  // worker may send the two in either order.
  const forInvitation = (m: ReceivedMail) => !opts.invitationId || invitationIn(m)!.token.split('.')[1] === opts.invitationId;
  const mail = await t.mailbox.waitFor((m) => !taken.has(m) && t.mailbox.to(address).includes(m) && !!invitationIn(m) && forInvitation(m), `with an invitation to ${to}`, timeoutMs);
  taken.add(mail);
  return { ...invitationIn(mail)!, mail };
}

/** Reads the invitation sent to `to` and accepts it over HTTP (setting the password when given). */
export async function acceptInvitation(t: TestApp, to: string, body: { password?: string; name?: string } = { password: PASSWORD }): Promise<request.Response> {
  const { token } = await receiveInvitation(t, to);
  return t.http.post('/api/v1/invitations/accept').send({ token, ...body });
}

/** A connection as the schema owner, for checks a user cannot make (raw table dumps, catalog queries). */
export async function ownerClient(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  return client;
}

/**
 * Dates a spent refresh token's first use `seconds` further back (machine time), past the reuse grace window
 * (REFRESH_REUSE_GRACE_SECONDS, 30 by default): presenting it again is then reuse, not a lost answer retried.
 */
export async function spentLongAgo(refreshToken: string, seconds = 3600): Promise<void> {
  const owner = await ownerClient();
  try {
    const { rowCount } = await owner.query(`UPDATE refresh_tokens SET used_at = used_at - make_interval(secs => $2) WHERE id = $1 AND used_at IS NOT NULL`, [refreshToken.split('.')[0], seconds]);
    if (rowCount !== 1) throw new Error('spentLongAgo: no spent refresh token by that id');
  } finally {
    await owner.end();
  }
}

/** A connection as the application role, outside the app, for row-level-security checks. */
export async function appRoleClient(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

export interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
}

/** A person added to a district by `addMember`: their signed-in session, membership and phone. */
export type Member = Session & { memberId: string; phone: string };

export function session(t: TestApp, tokens: { accessToken: string; refreshToken: string }, userId: string): Session {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens.accessToken}`);
  return {
    userId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    get: (p) => auth(t.http.get(p)),
    post: (p, b) => auth(t.http.post(p)).send(b ?? {}),
    patch: (p, b) => auth(t.http.patch(p)).send(b ?? {}),
  };
}

/**
 * A block of 999 mobile numbers, reserved from a counter file kept for this run and worker. The files a worker runs
 * share its database, and the numbers used to come from a counter that restarted with each file plus four random
 * digits, so a later file now and then drew an earlier file's number: its invitation then reached that person, old
 * name and all (seen in a loaded run: a change "requested by 成员" where the test's 甲机构管理员 had asked).
 */
function reservePhoneBlock(): number {
  // The workers' parent is this run's jest: its pid names the run.
  const file = path.join(os.tmpdir(), `sanshe-test-phones-${process.ppid}-${process.env.JEST_WORKER_ID ?? '1'}`);
  const next = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) || 0 : 0) + 1;
  fs.writeFileSync(file, String(next));
  return next % 10_000;
}
let phoneBlock: number | undefined;
let counter = 0;
/** A valid-looking mobile number no other test of this run and worker has used (and so not in its database). */
export function uniquePhone(): string {
  counter += 1;
  if (phoneBlock === undefined || counter > 999) {
    phoneBlock = reservePhoneBlock();
    counter = 1;
  }
  // Block and counter, scrambled by a multiplication that is one-to-one on seven digits (7,919 is prime to 10⁷): still
  // unique, but not the long runs of zeros that matched five-digit pieces of the privacy test's ID numbers.
  const n = ((phoneBlock * 1000 + counter) * 7_919) % 10_000_000;
  return `139${String(process.env.JEST_WORKER_ID ?? '1').slice(-1)}${String(n).padStart(7, '0')}`;
}

export async function login(t: TestApp, loginName: string, password = PASSWORD, districtCode?: string): Promise<Session> {
  const res = await t.http.post('/api/v1/auth/login').send({ login: loginName, password });
  if (res.status !== 200) throw new Error(`login ${loginName} failed: ${res.status} ${JSON.stringify(res.body)}`);
  let tokens = res.body;
  const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${tokens.accessToken}`);
  if (districtCode && tokens.district?.districtCode !== districtCode) {
    const chosen = await t.http.post('/api/v1/auth/district').set('Authorization', `Bearer ${tokens.accessToken}`).send({ districtCode });
    if (chosen.status !== 200) throw new Error(`choose ${districtCode} failed: ${chosen.status} ${JSON.stringify(chosen.body)}`);
    tokens = { ...tokens, accessToken: chosen.body.accessToken };
  }
  return session(t, tokens, me.body.user.id);
}

export async function operatorSession(t: TestApp): Promise<Session> {
  const phone = uniquePhone();
  await t.app.get(OperatorBootstrap).ensureOperator(phone, PASSWORD, '测试运营');
  return login(t, phone);
}

export interface District {
  tenantId: string;
  code: string;
  name: string;
  rootPlaceId: string;
  admin: Session;
  adminPhone: string;
}

let districtSeq = 0;
const DEMO_CODES = new Set(['330102', '510107', '420103', '500156']);
/** A fresh district opened by the operator, with its first admin signed in: every test gets its own tenant. */
export async function openDistrict(t: TestApp, operator?: Session): Promise<District> {
  const op = operator ?? (await operatorSession(t));
  for (let attempt = 0; attempt < 20; attempt++) {
    districtSeq += 1;
    const code = `${['11', '31', '33', '42', '50', '51', '61'][randomInt(0, 7)]}${String(randomInt(1, 100)).padStart(2, '0')}${String(randomInt(1, 100)).padStart(2, '0')}`;
    if (DEMO_CODES.has(code)) continue; // reserved for the demo-seed tests in the same database
    const adminPhone = uniquePhone();
    const res = await op.post('/api/v1/platform/districts', { code, name: `测试区${districtSeq}`, firstAdmin: { name: '区管理员', phone: adminPhone } });
    if (res.status === 409) continue;
    if (res.status !== 201) throw new Error(`open district failed: ${res.status} ${JSON.stringify(res.body)}`);
    const accepted = await acceptInvitation(t, adminPhone);
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    const admin = await login(t, adminPhone, PASSWORD, code);
    const tree = await admin.get('/api/v1/places/tree');
    return { tenantId: res.body.district.id, code, name: res.body.district.name, rootPlaceId: tree.body.id, admin, adminPhone };
  }
  throw new Error('could not find a free district code');
}

/** Invites a person into the district with the given roles, accepts for them and signs them in there. */
export async function addMember(
  t: TestApp,
  district: District,
  roles: string[],
  extra: { placeId?: string; organisationId?: string; phone?: string; name?: string } = {},
): Promise<Session & { memberId: string; phone: string }> {
  const phone = extra.phone ?? uniquePhone();
  const res = await district.admin.post('/api/v1/members/invitations', { name: extra.name ?? '成员', phone, roles, placeId: extra.placeId, organisationId: extra.organisationId });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  const accepted = await acceptInvitation(t, phone);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const s = await login(t, phone, PASSWORD, district.code);
  return { ...s, memberId: res.body.member.id, phone };
}

/**
 * The one bounded poll of the tests: calls `check` until it gives a truthy value (returned) or `timeoutMs` has passed,
 * then fails naming what it waited for — `what` is read at that moment, so a function can say what was last seen.
 * For work that happens elsewhere (the worker, a restarting server, a list that re-renders); never a fixed sleep.
 */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  what: string | (() => string) = 'the condition',
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${typeof what === 'function' ? what() : what}, in vain`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
