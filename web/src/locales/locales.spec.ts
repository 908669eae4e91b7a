import * as fs from 'fs';
import * as path from 'path';

/**
 * Chinese first, English complete: every namespace has the same keys in both languages, no empty text, the same
 * {{placeholders}}, and no Chinese left in the English file. The browser tests catch a missing key only on the pages
 * and branches they happen to visit; this catches it everywhere.
 */
type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') flatten(v, `${prefix}${key}.`, into);
    else into.set(`${prefix}${key}`, String(v));
  }
  return into;
}

const read = (file: string): Flat => flatten(JSON.parse(fs.readFileSync(file, 'utf8')));
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const SRC = path.resolve(__dirname, '..');
const namespaces: Array<{ name: string; zh: string; en: string }> = [
  { name: 'common', zh: path.join(SRC, 'locales/zh-CN/common.json'), en: path.join(SRC, 'locales/en/common.json') },
  ...fs
    .readdirSync(path.join(SRC, 'pages'))
    .filter((dir) => fs.existsSync(path.join(SRC, 'pages', dir, 'locales')))
    .map((dir) => ({
      name: dir,
      zh: path.join(SRC, 'pages', dir, 'locales/zh-CN.json'),
      en: path.join(SRC, 'pages', dir, 'locales/en.json'),
    })),
];

/** English texts that rightly hold Chinese: the language's own name, and an example of a Chinese document number. */
const CHINESE_IN_ENGLISH = new Set(['common:language.zh-CN', 'finance:appropriation.documentNoExample']);

describe('the web app\'s texts: zh-CN and en side by side', () => {
  it('finds the namespaces (a wrong path would make every check below pass on nothing)', () => {
    expect(namespaces.length).toBeGreaterThanOrEqual(10);
    for (const ns of namespaces) expect(read(ns.zh).size).toBeGreaterThan(10);
  });

  it.each(namespaces.map((ns) => [ns.name, ns] as const))('%s: same keys, no empty text, same placeholders, English in English', (name, ns) => {
    const zh = read(ns.zh);
    const en = read(ns.en);
    const problems: string[] = [];
    for (const key of zh.keys()) if (!en.has(key)) problems.push(`${name}:${key} has no English`);
    for (const key of en.keys()) if (!zh.has(key)) problems.push(`${name}:${key} has no Chinese`);
    for (const [key, text] of zh) {
      const english = en.get(key);
      if (english === undefined) continue;
      if (!text.trim()) problems.push(`${name}:${key} is empty in Chinese`);
      if (!english.trim()) problems.push(`${name}:${key} is empty in English`);
      if (placeholders(text).join() !== placeholders(english).join()) {
        problems.push(`${name}:${key} placeholders differ: ${placeholders(text).join()} / ${placeholders(english).join()}`);
      }
      if (/[\u4e00-\u9fff]/.test(english) && !CHINESE_IN_ENGLISH.has(`${name}:${key}`)) problems.push(`${name}:${key} has Chinese in English`);
    }
    expect(problems).toEqual([]);
  });
});
