import { For } from 'solid-js';
import { t, type StringKey } from './i18n';
import { setView, view, type View } from './view';

const TABS: { id: View; label: StringKey }[] = [
  { id: 'draw', label: 'app.viewDraw' },
  { id: 'lab', label: 'app.viewLab' },
  { id: 'eval', label: 'app.viewEval' },
];

/** Switches between the drawing pad, the workshop lab and the evaluation view. */
export function ViewNav() {
  return (
    <nav class="views" aria-label={t('app.views')}>
      <For each={TABS}>
        {(tab) => (
          <button
            type="button"
            class="views__tab"
            data-testid={`view-${tab.id}`}
            aria-current={view() === tab.id ? 'page' : undefined}
            onClick={() => setView(tab.id)}
          >
            {t(tab.label)}
          </button>
        )}
      </For>
    </nav>
  );
}
