import { For } from 'solid-js';
import { tl, type LabKey } from '../state/lab-i18n';
import { setView, view, type View } from '../state/view';
import './lab.css';

const TABS: { id: View; label: LabKey }[] = [
  { id: 'draw', label: 'viewDraw' },
  { id: 'lab', label: 'viewLab' },
  { id: 'eval', label: 'viewEval' },
];

/** Switches between the drawing pad, the workshop lab and the evaluation view. */
export function ViewNav() {
  return (
    <nav class="views" aria-label={tl('views')}>
      <For each={TABS}>
        {(tab) => (
          <button
            type="button"
            class="views__tab"
            data-testid={`view-${tab.id}`}
            aria-current={view() === tab.id ? 'page' : undefined}
            onClick={() => setView(tab.id)}
          >
            {tl(tab.label)}
          </button>
        )}
      </For>
    </nav>
  );
}
