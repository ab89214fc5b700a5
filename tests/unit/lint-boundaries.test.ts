// The lint rules of eslint.config.js bite: forbidden imports and import cycles (dynamic import()
// included) are errors. Runs ESLint's Node API with the project's own configuration.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// ignore: false also lints tests/fixtures/lint, which `npm run lint` skips (it holds a cycle on purpose).
const eslint = new ESLint({ cwd: ROOT, ignore: false });

/** The rule ids ESLint reports for `code` placed at `filePath` (a file that need not exist). */
async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer and feature boundaries (docs/architecture.md)', () => {
  it('keep core free of our other layers and of tfjs, Solid and Node', async () => {
    expect(
      await rulesHit('src/core/probe.ts', "import { startBackend } from '../ml/backend';\nvoid startBackend;\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(await rulesHit('src/core/probe.ts', "import * as tf from '@tensorflow/tfjs-core';\nvoid tf;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await rulesHit('src/core/probe.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"),
    ).toContain('no-restricted-imports');
  });

  it('let ml import core but not the app, and ui import neither ml nor features', async () => {
    expect(
      await rulesHit('src/ml/probe.ts', "import { NUM_CLASSES } from '../core/classes';\nvoid NUM_CLASSES;\n"),
    ).toEqual([]);
    expect(await rulesHit('src/ml/probe.ts', "import { probs } from '../app/state';\nvoid probs;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesHit('src/ui/probe.ts', "import { LabView } from '../features/lab';\nvoid LabView;\n")).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('let a feature (and the app) reach another feature only through its index.ts', async () => {
    expect(
      await rulesHit('src/features/retrain/probe.ts', "import { shownPhoto } from '../photo';\nvoid shownPhoto;\n"),
    ).toEqual([]);
    expect(
      await rulesHit(
        'src/features/retrain/probe.ts',
        "import { shownPhoto } from '../photo/photo';\nvoid shownPhoto;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesHit('src/app/probe.ts', "import { LabView } from '../features/lab/LabView';\nvoid LabView;\n"),
    ).toContain('import-x/no-restricted-paths');
  });

  it('keep scripts away from tests and the interface', async () => {
    expect(
      await rulesHit('scripts/probe.ts', "import { useApp } from '../tests/e2e/fixture';\nvoid useApp;\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(await rulesHit('scripts/probe.ts', "import { probs } from '../src/app/state';\nvoid probs;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(
      await rulesHit('scripts/probe.ts', "import { launch } from '../support/browser/harness';\nvoid launch;\n"),
    ).toEqual([]);
  });
});

describe('import cycles', () => {
  it('are errors, also when one edge is a dynamic import()', async () => {
    const results = await eslint.lintFiles(['tests/fixtures/lint/cycle/*.ts']);
    const cycles = results.map((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').length);
    // a → b is static and b → c dynamic: a's import is reported only if the dynamic edge is followed.
    expect(cycles).toEqual([1, 1, 1]);
  });
});
