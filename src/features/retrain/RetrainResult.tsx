import { Show } from 'solid-js';
import { lang } from '../../app/strings';
import { percent, tr } from './strings';
import { report } from './training';

function change(before: number | null, after: number | null | undefined): string {
  if (before === null || after === null || after === undefined) return '–';
  const points = (after - before) * 100;
  const size = Math.abs(points).toLocaleString(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${points >= 0 ? '+' : '−'}${size}`;
}

/** Accuracy before and after the latest run, on the user's samples and on Fashion-MNIST test images. */
export function RetrainResult() {
  return (
    <Show when={report()}>
      {(r) => (
        <div class="retrain__result">
          <table
            data-testid="retrain-result"
            data-user-before={r().before.user ?? ''}
            data-user-after={r().after?.user ?? ''}
            data-test-before={r().before.test ?? ''}
            data-test-after={r().after?.test ?? ''}
          >
            <caption>{tr('resultTitle')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{tr('before')}</th>
                <th scope="col">{tr('after')}</th>
                <th scope="col">{tr('change')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{tr(r().heldOut ? 'resultUser' : 'resultUserAll', { n: r().measured })}</th>
                <td>{percent(r().before.user)}</td>
                <td>{percent(r().after?.user)}</td>
                <td>{change(r().before.user, r().after?.user)}</td>
              </tr>
              <tr>
                <th scope="row">{tr('resultTest', { n: r().testCount.toLocaleString(lang()) })}</th>
                <td>{percent(r().before.test)}</td>
                <td>{percent(r().after?.test)}</td>
                <td>{change(r().before.test, r().after?.test)}</td>
              </tr>
            </tbody>
          </table>
          <Show when={!r().heldOut}>
            <p class="field__hint" data-testid="retrain-note">
              {tr('noteAll')}
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
