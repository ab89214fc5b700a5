// docs/reliability.md names, for each fault, the test that proves it: those tests must exist.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(ROOT, 'docs/reliability.md'), 'utf8');
const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line));

/** `tests/unit/x.test.ts`, or a short name ("x", "x (e2e)") of a file named earlier. */
function testFile(reference: string): string {
  const path = /`(tests\/[^`]+)`/.exec(reference)?.[1];
  if (path) return path;
  const short = reference.replace('(e2e)', '').trim();
  const folders = reference.includes('(e2e)') ? ['e2e'] : ['unit', 'e2e'];
  for (const folder of folders)
    if (readdirSync(resolve(ROOT, 'tests', folder)).includes(`${short}.test.ts`))
      return `tests/${folder}/${short}.test.ts`;
  throw new Error(`no test file for "${reference}"`);
}

/** [file, test name] for every proof the doc cites. */
function citations(): [string, string][] {
  const out: [string, string][] = [];
  for (const row of rows) {
    let file = '';
    for (const part of row.split(' | ')[3]!.split(' · ')) {
      const at = part.indexOf('› ');
      if (at < 0) continue;
      const reference = part.slice(0, at).trim();
      if (reference) file = testFile(reference);
      out.push([file, part.slice(at + 2).trim()]);
    }
  }
  return out;
}

describe('docs/reliability.md', () => {
  it('lists at least 30 faults, numbered in order, covering the six problems of issue 12', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.map((r) => Number(/^\| (\d+) \|/.exec(r)![1]))).toEqual(rows.map((_, i) => i + 1));
    for (const n of [1, 2, 3, 4, 5, 6]) expect(doc).toContain(`**#${n}**`);
  });

  it('names only tests that exist, in the files it names', () => {
    const cited = citations();
    expect(cited.length).toBeGreaterThan(60);
    const missing = cited.filter(([file, name]) => !readFileSync(resolve(ROOT, file), 'utf8').includes(name));
    expect(missing).toEqual([]);
  });
});
