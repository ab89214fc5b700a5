import { For, Show } from 'solid-js';
import type { VersionMeta } from '../../core/retrain/retrain-store';
import { activeVersion } from '../../app/user-model';
import { lang } from '../../app/strings';
import { percent, tr } from './strings';
import { status } from './training';
import { exportVersion, importFiles, lastImport } from './version-files';
import { deleteVersion, resetToShipped, switchVersion, versions } from './versions';

function describe(v: VersionMeta): string {
  const date = new Date(v.createdAt).toLocaleString(lang(), { dateStyle: 'medium', timeStyle: 'short' });
  if (v.source === 'import') return tr('imported', { name: v.name ?? '', date });
  return tr('retrained', {
    date,
    samples: v.samples + v.heldOut,
    epochs: v.epochs,
    before: percent(v.before.test),
    after: percent(v.after.test),
  });
}

/** The shipped model and the stored versions: use, export or delete one; import a model. */
export function VersionList() {
  const busy = () => status() === 'training';
  return (
    <div class="versions-panel">
      <h3 class="retrain__subtitle">{tr('versionsTitle')}</h3>
      <ul class="versions" data-testid="version-list">
        <li class="version" data-testid="version-shipped" data-current={activeVersion() === null}>
          <span class="version__text">
            {tr('shipped')}
            <Show when={activeVersion() === null}>
              <span class="version__badge">{tr('inUse')}</span>
            </Show>
          </span>
          <button
            type="button"
            class="btn btn--small"
            data-testid="model-reset"
            disabled={busy() || activeVersion() === null}
            onClick={() => void resetToShipped()}
          >
            {tr('reset')}
          </button>
        </li>
        <For each={versions()}>
          {(v) => (
            <li class="version" data-testid="version" data-id={v.id} data-current={activeVersion() === v.id}>
              <span class="version__text">
                {describe(v)}
                <Show when={activeVersion() === v.id}>
                  <span class="version__badge">{tr('inUse')}</span>
                </Show>
              </span>
              <span class="version__actions">
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="version-use"
                  disabled={busy() || activeVersion() === v.id}
                  onClick={() => void switchVersion(v.id)}
                >
                  {tr('use')}
                </button>
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="version-export"
                  onClick={() => void exportVersion(v.id)}
                >
                  {tr('export')}
                </button>
                <button
                  type="button"
                  class="btn btn--small btn--quiet"
                  data-testid="version-delete"
                  disabled={busy()}
                  onClick={() => void deleteVersion(v.id)}
                >
                  {tr('delete')}
                </button>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={versions().length === 0}>
        <p class="field__hint">{tr('noVersions')}</p>
      </Show>
      <label class="btn btn--small btn--file retrain__import">
        {tr('importLabel')}
        <input
          type="file"
          class="visually-hidden"
          data-testid="version-import"
          multiple
          accept=".zip,.json,.bin,application/zip,application/json"
          disabled={busy()}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void importFiles(files);
          }}
        />
      </label>
      <p class="field__hint">{tr('importHint')}</p>
      <Show when={lastImport()}>
        {(name) => (
          <p class="field__hint" role="status" data-testid="import-done">
            {tr('importDone', { name: name() })}
          </p>
        )}
      </Show>
    </div>
  );
}
