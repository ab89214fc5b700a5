import { For, Show } from 'solid-js';
import type { VersionMeta } from '../../core/retrain/retrain-store';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { activeVersion } from '../../app/user-model';

import { VersionClasses } from './ClassManager';
import { status } from './training';
import { exportVersion, importFiles, lastImport } from './version-files';
import { deleteVersion, resetToShipped, switchVersion, unsaved, versions } from './versions';
import { ImportStatus } from './ImportStatus';
import { StorageFaults } from './StorageFaults';

function describe(v: VersionMeta): string {
  const date = format.date(v.createdAt);
  if (v.source === 'import') return t('retrain.imported', { name: v.name ?? '', date });
  return t('retrain.retrained', {
    date,
    samples: format.number(v.samples + v.heldOut),
    epochs: format.number(v.epochs),
    before: format.percent(v.before.test),
    after: format.percent(v.after.test),
  });
}

/** The shipped model and the stored versions: use, export or delete one; import a model. */
export function VersionList() {
  const busy = () => status() === 'training';
  return (
    <div class="versions-panel">
      <h3 class="retrain__subtitle">{t('retrain.versionsTitle')}</h3>
      <ul class="versions" data-testid="version-list">
        <li class="version" data-testid="version-shipped" data-current={activeVersion() === null}>
          <span class="version__text">
            {t('retrain.shipped')}
            <Show when={activeVersion() === null}>
              <span class="version__badge">{t('retrain.inUse')}</span>
            </Show>
          </span>
          <button
            type="button"
            class="btn btn--small"
            data-testid="model-reset"
            disabled={busy() || activeVersion() === null}
            onClick={() => void resetToShipped()}
          >
            {t('retrain.reset')}
          </button>
        </li>
        <Show when={unsaved()}>
          {(u) => (
            <li
              class="version"
              data-testid="version-unsaved"
              data-id={u().slot.id}
              data-current={activeVersion() === u().slot.id}
            >
              <span class="version__text">
                {t('retrain.unsavedVersion')}
                <Show when={activeVersion() === u().slot.id}>
                  <span class="version__badge">{t('retrain.inUse')}</span>
                </Show>
              </span>
            </li>
          )}
        </Show>
        <For each={versions()}>
          {(v) => (
            <li class="version" data-testid="version" data-id={v.id} data-current={activeVersion() === v.id}>
              <span class="version__text">
                {describe(v)}
                <VersionClasses meta={v} />
                <Show when={activeVersion() === v.id}>
                  <span class="version__badge">{t('retrain.inUse')}</span>
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
                  {t('retrain.use')}
                </button>
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="version-export"
                  onClick={() => void exportVersion(v.id)}
                >
                  {t('retrain.export')}
                </button>
                <button
                  type="button"
                  class="btn btn--small btn--quiet"
                  data-testid="version-delete"
                  disabled={busy()}
                  onClick={() => void deleteVersion(v.id)}
                >
                  {t('retrain.delete')}
                </button>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={versions().length === 0}>
        <p class="field__hint">{t('retrain.noVersions')}</p>
      </Show>
      <label class="btn btn--small btn--file retrain__import">
        {t('retrain.importLabel')}
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
      <p class="field__hint">{t('retrain.importHint')}</p>
      <ImportStatus />
      <Show when={lastImport()}>
        {(name) => (
          <p class="field__hint" role="status" data-testid="import-done">
            {t('retrain.importDone', { name: name() })}
          </p>
        )}
      </Show>
      <StorageFaults />
    </div>
  );
}
