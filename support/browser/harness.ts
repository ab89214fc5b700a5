// Shared set-up for the browser tests and benchmarks: a `vite preview` of dist/ on a free port, and headless
// Chromium (the system one, never a downloaded build) with a fresh profile per browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** The Chromium the tests drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const ROOT = resolve(import.meta.dirname, '../..');

/** Fails loudly (never skips) when the browser or the build is missing. */
export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    const where = process.env.CI === 'true' ? 'CI' : 'this machine';
    throw new Error(
      `Chromium not found at ${CHROMIUM} on ${where}: install Debian's chromium package (apt-get install chromium).`,
    );
  }
  if (!existsSync(join(ROOT, 'dist/index.html')) || !existsSync(join(ROOT, 'dist/sw.js'))) {
    throw new Error('dist/ is missing or incomplete: run `npm run build` before the e2e tests.');
  }
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? res(address.port) : rej(new Error('no port'))));
    });
  });
}

/** A running `vite preview` of dist/. */
export interface Server {
  origin: string;
  close(): Promise<void>;
}

/** Starts `vite preview` of dist/ (or of `outDir`, e.g. a copy a test redeploys) on a free localhost port. */
export async function startServer(options: { outDir?: string } = {}): Promise<Server> {
  assertPrerequisites();
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'error',
    ...(options.outDir ? { build: { outDir: options.outDir } } : {}),
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** A headless Chromium with its own temporary profile. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** How {@link launch} starts Chromium. */
export interface LaunchOptions {
  webgpu?: boolean;
  profile?: string;
  locale?: string;
  args?: string[];
}

/**
 * Launches Chromium; `webgpu` adds the flags that expose WebGPU on SwiftShader, `profile` reuses a
 * profile directory (kept on close), `locale` sets navigator.language (default en-US), `args` adds
 * command-line switches (e.g. a fake camera).
 */
export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  assertPrerequisites();
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'prenda-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...BASE_ARGS, ...(options.webgpu ? WEBGPU_ARGS : []), ...(options.args ?? [])],
    viewport: { width: 1280, height: 900 },
    locale: options.locale ?? 'en-US',
  });
  return {
    context,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A headless Chromium whose context keeps storage in memory (like an incognito window). The
 * DevTools quota override (`Storage.overrideQuotaForOrigin`) is enforced only in such a context, and
 * only when sent before the origin first uses storage there: Chromium 156 ignores it in a persistent
 * profile's default context, and `navigator.storage.estimate()` never shows it.
 */
export async function launchEphemeral(): Promise<Browser> {
  assertPrerequisites();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BASE_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  return { context, close: () => browser.close() };
}

/** The phone every phone check uses: 390×844 CSS px at 2×, touch, a mobile viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

/**
 * A headless Chromium whose context is a phone ({@link PHONE}; `isMobile` needs a non-persistent
 * context), with the same switches as {@link launch}; storage lives in memory.
 */
export async function launchPhone(options: Pick<LaunchOptions, 'webgpu' | 'locale'> = {}): Promise<Browser> {
  assertPrerequisites();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...BASE_ARGS, ...(options.webgpu ? WEBGPU_ARGS : [])],
  });
  const context = await browser.newContext({ ...PHONE, locale: options.locale ?? 'en-US' });
  return { context, close: () => browser.close() };
}

/** A page plus what it logged and requested, for the privacy and console checks. */
export interface AppPage {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

/** Opens the app at `origin` with `query` (e.g. "?backend=wasm"), recording console errors and requests. */
export async function openApp(browser: Browser, origin: string, query = ''): Promise<AppPage> {
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/${query}`);
  return { page, consoleErrors, requests };
}

export { drawShirt, drawTrouser, readConfidences, waitReady } from './drive';
