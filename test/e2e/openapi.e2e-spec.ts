import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FEN_PATTERN, SIGNED_FEN_PATTERN } from '@sanshe/common';
import { TestApp, startTestApp } from '../support/test-app';

const root = path.resolve(__dirname, '..', '..');
const SNAPSHOT = path.join(root, 'openapi', 'openapi.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
// Starting the app and linting ~1 MB of JSON on a loaded 2-core machine: set here, whatever jest's default.
const SLOW = 180_000;

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

function operations(doc: { paths: Record<string, Record<string, Operation>> }): Array<[string, Operation]> {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as [string, Operation]));
}

describe('the API contract (/api/docs-json)', () => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  }, SLOW);
  afterAll(async () => { await t?.close(); }, SLOW);

  it('the served document is the committed snapshot (update it with `npm run openapi:update`)', () => {
    const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
    // toEqual prints the differing paths; the hint says how to accept an intended change.
    expect({ hint: 'run `npm run openapi:update` and commit openapi/openapi.json', doc }).toEqual({ hint: expect.any(String), doc: snapshot });
  });

  it('every money field, in requests and responses, is described alike: a fen string with the one pattern and an example', () => {
    const patterns = [FEN_PATTERN, SIGNED_FEN_PATTERN];
    const money: string[] = [];
    const unlike: string[] = [];
    for (const [schema, s] of Object.entries(doc.components.schemas as Record<string, { properties?: Record<string, any> }>)) {
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (!/Fen$/.test(key)) continue;
        money.push(`${schema}.${key}`);
        if (prop.type !== 'string' || !patterns.includes(prop.pattern) || typeof prop.example !== 'string' || !new RegExp(prop.pattern).test(prop.example)) {
          unlike.push(`${schema}.${key}: ${JSON.stringify(prop)}`);
        }
      }
    }
    expect(money.length).toBeGreaterThan(60);
    expect(unlike).toEqual([]);
  });

  it('every operation documents its success body and its failures as problem details', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(150);
    const missing: string[] = [];
    const badErrors: string[] = [];
    for (const [name, op] of ops) {
      const success = Object.entries(op.responses).filter(([s]) => /^2/.test(s));
      const documented = success.some(([s, r]) => s === '204' || Object.values(r.content ?? {}).some((c) => c.schema && (c.schema.$ref || c.schema.type)));
      if (!documented) missing.push(name);
      for (const [s, ref] of Object.entries(op.responses).filter(([s]) => /^4/.test(s))) {
        const r = (ref as { $ref?: string }).$ref ? doc.components.responses[(ref as { $ref: string }).$ref.split('/').pop()!] : ref;
        if (r?.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDetails') badErrors.push(`${name} ${s}`);
      }
      // Only the operational probes take no input and need no sign-in, so they have no 4xx to document.
      if (!/^GET \/api\/(health|metrics)$/.test(name) && !Object.keys(op.responses).some((s) => /^4/.test(s))) badErrors.push(`${name} (no error responses)`);
    }
    expect(missing).toEqual([]);
    expect(badErrors).toEqual([]);
  });

  it('no schema hides its shape behind a bare object', () => {
    const bare: string[] = [];
    const walk = (where: string, s: any): void => {
      if (!s || typeof s !== 'object') return;
      if (s.type === 'object' && !s.properties && !s.additionalProperties && !s.$ref && !s.allOf && !s.oneOf) bare.push(where);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(`${where}.${k}`, v);
      if (s.items) walk(`${where}[]`, s.items);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(name, schema);
    expect(bare).toEqual([]);
  });

  // Maps whose keys are data, not names: a form's question keys, and the facts of a failure (they depend on its code).
  // Each says so in its description. Anything else with `additionalProperties: true` hides a shape the code knows.
  const HONEST_MAPS = [
    'ApplicationContentDto.answers', 'UpdateApplicationDto.answers', 'ApplicationResponse.answers', 'ApplicationSummary.answers',
    'AssignmentApplication.answers', 'ProblemDetails.detail',
  ];

  it('no schema is an untyped bag of properties, except the listed honest maps', () => {
    const bags: string[] = [];
    const undescribed: string[] = [];
    const walk = (where: string, s: any): void => {
      if (!s || typeof s !== 'object') return;
      const ap = s.additionalProperties;
      const untyped = ap === true || (ap && typeof ap === 'object' && !ap.type && !ap.$ref && !ap.oneOf && !ap.allOf && !ap.anyOf);
      if (untyped) {
        if (!HONEST_MAPS.includes(where)) bags.push(where);
        else if (!s.description || s.example === undefined) undescribed.push(where);
      }
      if (ap && typeof ap === 'object') walk(`${where}{}`, ap);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(`${where}.${k}`, v);
      if (s.items) walk(`${where}[]`, s.items);
      for (const key of ['allOf', 'oneOf', 'anyOf']) (s[key] ?? []).forEach((v: unknown, i: number) => walk(`${where}.${key}[${i}]`, v));
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(name, schema);
    for (const [name, op] of operations(doc)) {
      for (const [status, r] of Object.entries(op.responses)) {
        for (const [type, c] of Object.entries(r.content ?? {})) walk(`${name} ${status} ${type}`, c.schema);
      }
    }
    expect(bags).toEqual([]);
    // An allowed map still tells a reader what its keys are and shows one.
    expect(undescribed).toEqual([]);
    // The allow-list stays true: every entry still exists (a stale entry would hide a new bag of the same name).
    const present = HONEST_MAPS.filter((w) => { const [schema, prop] = w.split('.'); return doc.components.schemas[schema]?.properties?.[prop]; });
    expect(present).toEqual(HONEST_MAPS);
  });

  /**
   * "A command answers with the resource it changed, with its new version" (README, "API conventions"), so a page
   * can send the next write without reading again. These commands answer otherwise, each for the reason given; the
   * README lists the same exceptions.
   */
  const NOT_A_VERSIONED_RESOURCE: Record<string, string> = {
    'POST /api/v1/auth/login': 'a session, not a stored record',
    'POST /api/v1/auth/refresh': 'a session, not a stored record',
    'POST /api/v1/auth/district': 'a session for another district',
    'POST /api/v1/auth/logout': '204: the session is gone',
    'POST /api/v1/auth/logout-all': '204: the sessions are gone',
    'POST /api/v1/auth/password': '204: a secret is never echoed',
    'POST /api/v1/platform/districts': 'provisions a tenant and its first admin; a tenant has no version',
    'POST /api/v1/members/{id}/invitations': 'sends an invitation again; the membership does not change',
    'POST /api/v1/invitations/accept': 'anonymous: activates an account and answers where to sign in',
    'POST /api/v1/notifications/{id}/read': '204: idempotent, a notification is only read or unread',
    'POST /api/v1/notifications/read-all': 'acts on many notifications: answers how many',
    'POST /api/v1/attachments': 'a file is immutable once uploaded (no version to send back)',
    'DELETE /api/v1/attachments/{id}': '204: deleted',
    'POST /api/v1/public/districts/{districtCode}/organisation-registrations': 'anonymous: a receipt, never the record',
    'POST /api/v1/public/districts/{districtCode}/calls/{id}/objections': 'anonymous: a receipt code to track the objection',
    'POST /api/v1/casework/beneficiaries/lookup': 'a query by hashed identity, sent as a body so no ID number is in a URL',
    'POST /api/v1/casework/beneficiaries/{id}/reveal': 'reads one clear value (logged); changes nothing',
    'POST /api/v1/casework/beneficiaries/{id}/consents': 'a consent is append-only: a new one supersedes, it is never edited',
    'POST /api/v1/casework/consents/{id}/withdraw': 'a consent is append-only: withdrawal ends it once (a second is refused)',
    'POST /api/v1/casework/cases/{id}/comments': 'a comment is append-only',
    'POST /api/v1/casework/community-events': 'an event record is append-only',
    'POST /api/v1/casework/supervision/assignments': 'an assignment is started and ended, never edited (no version column)',
    'POST /api/v1/casework/supervision/assignments/{id}/end': 'an assignment is ended once; ending again is refused',
    'POST /api/v1/casework/supervision/sessions': 'a supervision session record is append-only',
    'POST /api/v1/data-keys/field/rotate': '202: a background job; answers its progress',
    'PUT /api/v1/district-holidays/{day}': 'keyed by the day: an idempotent upsert, last write wins by design',
    'DELETE /api/v1/district-holidays/{day}': '204: deleted',
    'POST /api/v1/applications/{id}/editors': 'the co-editor list, a set without a version; the application does not change',
    'DELETE /api/v1/applications/{id}/editors/{membershipId}': 'the co-editor list, a set without a version',
    'POST /api/v1/calls/{callId}/reviewers': 'replaces the review panel, a set; answers the panel',
    'POST /api/v1/calls/{callId}/review-assignments': 'creates many assignments at once; answers how many and the panel',
    'POST /api/v1/calls/{callId}/objections/{id}/answer': 'an objection is answered once; a second answer is refused',
    'POST /api/v1/funds/programme/appropriations': 'a ledger entry is append-only',
    'POST /api/v1/projects/{id}/evaluation-assignments': 'an assignment is started and ended, never edited (no version column)',
    'POST /api/v1/projects/{id}/evaluation-assignments/{assignmentId}/end': 'an assignment is ended once; ending again is refused',
    'POST /api/v1/projects/{id}/evaluations': 'an evaluation is append-only',
  };

  it('a command answers with the resource it changed and its new version, or is a listed exception', () => {
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, any>; allOf?: any[] }>;
    const resolve = (s: any) => (s?.$ref ? schemas[s.$ref.split('/').pop()] : s);
    const versioned = (s: any): boolean => {
      const r = resolve(s);
      return !!(r?.properties?.version || (r?.allOf ?? []).some((x: any) => resolve(x)?.properties?.version));
    };
    // The resource itself, or the resource as a named part of the answer (e.g. `{ tranche, entryId }` after a payment).
    const carries = (s: any): boolean => versioned(s) || Object.values(resolve(s)?.properties ?? {}).some((p: any) => p.$ref && versioned(p));
    const commands = operations(doc).filter(([name]) => /^(POST|PUT|PATCH|DELETE) /.test(name));
    expect(commands.length).toBeGreaterThan(100);
    const unlisted: string[] = [];
    const conforming: string[] = [];
    for (const [name, op] of commands) {
      const success = Object.entries(op.responses).filter(([s]) => /^2/.test(s));
      const ok = success.every(([s, r]) => s !== '202' && s !== '204' && carries(Object.values(r.content ?? {})[0]?.schema));
      if (ok && NOT_A_VERSIONED_RESOURCE[name]) conforming.push(name);
      if (!ok && !NOT_A_VERSIONED_RESOURCE[name]) unlisted.push(`${name} → ${success.map(([s, r]) => `${s} ${Object.values(r.content ?? {})[0]?.schema?.$ref ?? ''}`).join(', ')}`);
    }
    expect(unlisted).toEqual([]);
    // An exception that now follows the rule, or names an operation that is gone, leaves the list.
    expect(conforming).toEqual([]);
    expect(Object.keys(NOT_A_VERSIONED_RESOURCE).filter((k) => !commands.some(([name]) => name === k))).toEqual([]);
  });

  it("passes Spectral's recommended OpenAPI ruleset with no errors", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const spectral = path.join(root, 'node_modules', '.bin', 'spectral');
      // Spectral exits 1 when it finds errors; the JSON report is what we judge, so read it either way.
      const out = await promisify(execFile)(spectral, ['lint', file, '--ruleset', path.join(root, '.spectral.yaml'), '-f', 'json', '--quiet'], { maxBuffer: 64 << 20 })
        .then((r) => r.stdout, (e: { stdout?: string }) => e.stdout ?? '');
      const results: Array<{ code: string; severity: number; message: string; path: string[] }> = JSON.parse(out);
      const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
      const warnings = results.filter((r) => r.severity === 1);
      process.stdout.write(`[openapi] spectral: ${errors.length} errors, ${warnings.length} warnings\n`);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);
});
