import fs from 'node:fs';
import path from 'node:path';

/**
 * Business time has one source, the injectable `Clock` (ARCHITECTURE.md, "Time"). Domain code that reads the
 * machine's clock (`new Date()`, `Date.now()`) or the database's (`now()`, `current_date` in SQL) escapes the test
 * clock, and a deadline then follows the calendar on the wall instead of the one the test set. This fails on any new
 * such read in the domain modules; the few that are not business time are listed here with the reason.
 */
const ROOTS = ['src/modules', 'src/demo'];

/** `file: reason` for reads of the machine's clock that are not business time. */
const MACHINE_CLOCK_ALLOWED: Record<string, string> = {
  'src/modules/health/health.controller.ts': 'measures the latency of a health probe, a duration on the machine',
};

/** SQL columns that may keep the database clock: bookkeeping of when a row was written, not a business decision. */
const BOOKKEEPING_SQL = [/\bupdated_at = now\(\)/g, /\bCOALESCE\(read_at, now\(\)\)/g, /'now\(\)'/g];
/** `file: reason` for other database-clock reads. */
const DATABASE_CLOCK_ALLOWED: Record<string, string> = {
  'src/demo/demo-seeder.ts': 'demo rows are stamped when they are seeded, on the machine that seeds them',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

/** The code without comments, so a comment may say "never `new Date()`" without tripping the check. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('business time comes from the Clock', () => {
  const root = path.resolve(__dirname, '..');
  const files = ROOTS.flatMap((r) => sources(path.join(root, r))).map((f) => [path.relative(root, f).split(path.sep).join('/'), code(fs.readFileSync(f, 'utf8'))] as const);

  it('looks at the domain modules (a check that reads nothing proves nothing)', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files.some(([f]) => f === 'src/modules/projects/project-lifecycle.service.ts')).toBe(true);
  });

  it('no domain module reads the machine clock with new Date() or Date.now()', () => {
    const found = files
      .filter(([f, text]) => !MACHINE_CLOCK_ALLOWED[f] && /new Date\(\s*\)|\bDate\.now\(\)/.test(text))
      .map(([f, text]) => `${f}: ${text.split('\n').filter((l) => /new Date\(\s*\)|\bDate\.now\(\)/.test(l)).map((l) => l.trim()).join(' | ')}`);
    expect(found).toEqual([]);
  });

  it('no domain module asks the database for the time of a business decision', () => {
    const found = files
      .filter(([f]) => !DATABASE_CLOCK_ALLOWED[f])
      .flatMap(([f, text]) => {
        const rest = BOOKKEEPING_SQL.reduce((t, re) => t.replace(re, ''), text);
        return rest.split('\n').filter((l) => /(?<![\w.])now\(\)|\bcurrent_(date|timestamp)\b|\blocaltimestamp\b/i.test(l)).map((l) => `${f}: ${l.trim()}`);
      });
    expect(found).toEqual([]);
  });

  it('the allow-lists name files that exist and still need the exception', () => {
    for (const f of [...Object.keys(MACHINE_CLOCK_ALLOWED), ...Object.keys(DATABASE_CLOCK_ALLOWED)]) {
      const entry = files.find(([name]) => name === f);
      expect(entry).toBeDefined();
    }
    expect(/Date\.now\(\)/.test(files.find(([f]) => f === 'src/modules/health/health.controller.ts')![1])).toBe(true);
    expect(/(?<![\w.])now\(\)/.test(files.find(([f]) => f === 'src/demo/demo-seeder.ts')![1])).toBe(true);
  });

  /**
   * A column default of `now()` is the database clock too. Besides created_at/updated_at (bookkeeping), each such
   * column is either stamped by the Clock on every insert (the default only keeps old rows and hand-written SQL
   * valid) or named here as platform bookkeeping.
   */
  const STAMPED_BY_CLOCK: Record<string, string> = {
    'supervision_assignments.started_at': 'when a supervisor took on a worker',
    'cases.status_changed_at': 'how long a case has waited in its status (overdue and the team view)',
    'case_approvals.submitted_at': 'since when an approval has been pending',
    'review_conflicts.declared_at': 'when a reviewer declared a conflict of interest',
  };
  const PLATFORM_DEFAULTS: Record<string, string> = {
    'tenant_key_rotations.started_at': 'a key rotation job\'s own progress, not a business event',
  };

  it('a now() column default is either stamped by the Clock on every insert or platform bookkeeping', () => {
    const migrations = sources(path.join(root, 'migrations')).map((f) => code(fs.readFileSync(f, 'utf8'))).join('\n');
    const defaults: string[] = [];
    for (const [, table, body] of migrations.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\)`/g)) {
      for (const [, column] of body.matchAll(/^\s*(\w+) timestamptz[^,\n]*DEFAULT now\(\)/gm)) {
        if (column !== 'created_at' && column !== 'updated_at') defaults.push(`${table}.${column}`);
      }
    }
    expect(defaults.sort()).toEqual([...Object.keys(STAMPED_BY_CLOCK), ...Object.keys(PLATFORM_DEFAULTS)].sort());
    const unstamped: string[] = [];
    for (const key of Object.keys(STAMPED_BY_CLOCK)) {
      const [table, column] = key.split('.');
      const inserts = files.flatMap(([f, text]) => [...text.matchAll(new RegExp(`INSERT INTO ${table} \\(([^)]*)\\)`, 'g'))].map((m) => [f, m[1]] as const));
      expect(inserts.length).toBeGreaterThan(0);
      for (const [f, columns] of inserts) if (!columns.split(',').map((c) => c.trim()).includes(column)) unstamped.push(`${f}: INSERT INTO ${table} without ${column}`);
    }
    expect(unstamped).toEqual([]);
  });
});
