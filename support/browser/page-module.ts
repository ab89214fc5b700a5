// Runs one of the app's browser modules inside a test page: bundled on the fly (Vite, IIFE) and
// evaluated through DevTools, which the page's CSP does not restrict.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const bundles = new Map<string, Promise<string>>();

/** The module at `entry` (repository-relative) as a script that sets `globalThis[name]` to its exports. */
function bundle(entry: string, name: string): Promise<string> {
  const key = `${entry}#${name}`;
  if (!bundles.has(key)) {
    const built = build({
      root: ROOT,
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: { write: false, minify: false, lib: { entry: resolve(ROOT, entry), formats: ['iife'], name } },
    }).then((out) => {
      type Output = { output: { code: string }[] };
      return (Array.isArray(out) ? (out as Output[])[0]! : (out as Output)).output[0]!.code;
    });
    bundles.set(key, built);
  }
  return bundles.get(key)!;
}

/** Loads `entry`'s exports into `page` as `globalThis[name]` (again after every navigation). */
export async function loadModule(page: Page, entry: string, name: string): Promise<void> {
  await page.evaluate(`${await bundle(entry, name)};\nglobalThis.${name} = ${name};`);
}
