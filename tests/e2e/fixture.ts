// The server, Chromium and app page most browser test files share: started once per file.
import { afterAll, beforeAll } from 'vitest';
import {
  launch,
  openApp,
  startServer,
  waitReady,
  type AppPage,
  type Browser,
  type Server,
} from '../../support/browser/harness';

/** What a test file shares; read it inside tests and hooks, never at the top level. */
export interface AppFixture {
  readonly server: Server;
  readonly browser: Browser;
  readonly app: AppPage;
}

/**
 * Registers beforeAll/afterAll that start the server and Chromium and, when `query` is given, open
 * the app there (and wait for the model when `ready`).
 */
export function useApp(options: { query?: string; ready?: boolean } = {}): AppFixture {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let app: AppPage | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    if (options.query === undefined) return;
    app = await openApp(browser, server.origin, options.query);
    if (options.ready) await waitReady(app.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const set = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`e2e fixture: no ${name} (used before beforeAll, or no query given)`);
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
