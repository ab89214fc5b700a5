// Every relative link in README.md and docs/*.md points at a file of this repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The targets of a Markdown file's relative links (no scheme, no bare #anchor), anchors dropped. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0]!);
}

describe('links in the documentation', () => {
  it.each(files)('%s links only to files inside the repository', (file) => {
    const links = relativeLinks(readFileSync(join(ROOT, file), 'utf8'));
    for (const link of links) {
      const target = resolve(ROOT, dirname(file), link);
      expect(relative(ROOT, target).startsWith('..'), `${file} → ${link} leaves the repository`).toBe(false);
      expect(existsSync(target), `${file} → ${link} does not exist`).toBe(true);
    }
  });

  it('finds the links it checks', () => {
    expect(relativeLinks(readFileSync(join(ROOT, 'docs/ui-contract-lab.md'), 'utf8'))).toContain('ui-contract.md');
  });
});
