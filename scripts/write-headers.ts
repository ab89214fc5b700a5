// Writes public/_headers from scripts/lib/deploy-headers.ts (a unit test checks they agree).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderHeadersFile } from './lib/deploy-headers';

const path = resolve(import.meta.dirname, '../public/_headers');
writeFileSync(path, renderHeadersFile());
console.log(`wrote ${path}`);
