import { Show } from 'solid-js';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import { report } from './training';

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
            <caption>{t('retrain.resultTitle')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('retrain.before')}</th>
                <th scope="col">{t('retrain.after')}</th>
                <th scope="col">{t('retrain.change')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  {t(r().heldOut ? 'retrain.resultUser' : 'retrain.resultUserAll', { n: format.number(r().measured) })}
                </th>
                <td>{format.percent(r().before.user)}</td>
                <td>{format.percent(r().after?.user)}</td>
                <td>{format.points(r().before.user, r().after?.user)}</td>
              </tr>
              <tr>
                <th scope="row">{t('retrain.resultTest', { n: format.number(r().testCount) })}</th>
                <td>{format.percent(r().before.test)}</td>
                <td>{format.percent(r().after?.test)}</td>
                <td>{format.points(r().before.test, r().after?.test)}</td>
              </tr>
            </tbody>
          </table>
          <Show when={!r().heldOut}>
            <p class="field__hint" data-testid="retrain-note">
              {t('retrain.noteAll')}
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
