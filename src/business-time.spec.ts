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
});
