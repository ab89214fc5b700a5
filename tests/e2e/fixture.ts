// The one set-up of every browser test file: `vite preview` of the build, a headless Chromium and,
// when asked, the app opened on a page; started once per file, closed after it.
// Tests whose subject is not the backend open the app with `backend=wasm`: without a GPU, the
// default path warms WebGL up on SwiftShader behind wasm, several seconds per page here; the GPU
// paths have their own tests (backends, worker, first-visit, app's first test, offline).
import { afterAll, beforeAll } from 'vitest';
import {
  assertPrerequisites,
  launch,
  openApp,
  startServer,
  waitReady,
  type AppPage,
  type Browser,
  type LaunchOptions,
  type Server,
} from '../../support/browser/harness';

/** What a test file shares; read it inside tests and hooks, never at the top level. */
export interface AppFixture {
  readonly server: Server;
  readonly browser: Browser;
  readonly app: AppPage;
}

/** What {@link useApp} starts. */
export interface AppOptions {
  /** Opens the app at this query once started (e.g. `?lang=en`); without it tests open their own pages. */
  query?: string;
  /** Waits for the model on that page. */
  ready?: boolean;
  /** Chromium's options (read when it starts), or false when the tests launch their own browsers. */
  browser?: LaunchOptions | (() => LaunchOptions) | false;
  /** Serves this folder instead of dist/ (a copy the test may redeploy); false: no server either. */
  serve?: { outDir: string } | false;
  /** Runs once Chromium is up, before the page opens (e.g. to grant a permission). */
  prepare?: (fixture: { server: Server; browser: Browser }) => Promise<void>;
}

/**
 * Registers beforeAll/afterAll that check the build and the browser exist, start the server and
 * Chromium and, when `query` is given, open the app there (and wait for the model when `ready`).
 * Hooks a file registers before calling it run before it (e.g. to write a fake camera's video).
 */
export function useApp(options: AppOptions = {}): AppFixture {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let app: AppPage | undefined;

  beforeAll(async () => {
    assertPrerequisites();
    if (options.serve === false) return;
    server = await startServer(options.serve);
    if (options.browser === false) return;
    browser = await launch(typeof options.browser === 'function' ? options.browser() : options.browser);
    await options.prepare?.({ server, browser });
    if (options.query === undefined) return;
    app = await openApp(browser, server.origin, options.query);
    if (options.ready) await waitReady(app.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const set = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`e2e fixture: no ${name} (used before beforeAll, or not asked for)`);
    return value;
  };
  return {
    get server() {
      return set(server, 'server');
    },
    get browser() {
      return set(browser, 'browser');
    },
    get app() {
      return set(app, 'app');
    },
  };
}
