// What the service worker downloads at install (core) and later (on use or "make everything
// available offline"), per group, from dist/sw.js. Needs `npm run build` first.
import { resolve } from 'node:path';
import { precacheSizes } from '../support/build/precache-sizes';

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;
const sizes = precacheSizes(resolve(import.meta.dirname, '../dist'));
console.log('group      files   on disk   download (text gzip, binaries as is)');
for (const [group, s] of Object.entries(sizes)) {
  console.log(
    `${group.padEnd(9)} ${String(s.files.length).padStart(6)} ${mb(s.bytes).padStart(9)} ${mb(s.download).padStart(10)}`,
  );
}
