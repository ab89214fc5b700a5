import { For, Show, createSignal } from 'solid-js';
import { NUM_CLASSES } from '../../core/classes';
import { MIN_CLASS_SAMPLES } from '../../core/retrain/classes';
import { CLASS_EPOCHS, RETRAIN_DEFAULTS } from '../../core/retrain/retrain-settings';
import type { VersionMeta } from '../../core/retrain/retrain-store';
import { classIndices, classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t, type Message } from '../../app/i18n';
import { addClass, classNote, classScores, removeClass, sampleCounts } from './class-list';
import { epochs, setEpochs, status } from './training';
import './ClassManager.css';

const say = (m: Message): string => t(m.key, m.params);

/** One class with its sample count; a user class can be removed (a second click confirms). */
function ClassRow(props: { index: number; count: number }) {
  const [confirming, setConfirming] = createSignal(false);
  const user = () => props.index >= NUM_CLASSES;
  const missing = () => Math.max(0, MIN_CLASS_SAMPLES - props.count);
  return (
    <li
      class="class-row"
      classList={{ 'class-row--user': user() }}
      data-testid="retrain-class"
      data-class={props.index}
      data-count={props.count}
    >
      <span class="class-row__name">{classLabel(props.index)}</span>
      <span class="class-row__count">
        {t('classManager.count', { n: format.number(props.count) })}
        <Show when={user() && missing() > 0}>
          {' · '}
          <span class="class-row__short">{t('classManager.needMore', { n: format.number(missing()) })}</span>
        </Show>
      </span>
      <Show when={user()}>
        <button
          type="button"
          class="btn btn--small btn--quiet"
          data-testid="retrain-class-remove"
          data-confirm={confirming() ? 'true' : 'false'}
          aria-label={confirming() ? undefined : t('classManager.removeLabel', { name: classLabel(props.index) })}
          disabled={status() === 'training'}
          onClick={() => {
            if (!confirming()) return void setConfirming(true);
            setConfirming(false);
            void removeClass(props.index);
          }}
          onBlur={() => setConfirming(false)}
        >
          {confirming()
            ? t('classManager.removeConfirm', { name: classLabel(props.index), n: format.number(props.count) })
            : t('classManager.remove')}
        </button>
      </Show>
    </li>
  );
}

/**
 * The user's own classes: type a name to add one (checked: not empty, not a class already, at
 * most 40 characters, at most 30 classes in all), see how many samples each class has, remove
 * one; after a run, how each did on its held-out samples.
 */
export function ClassManager() {
  const [name, setName] = createSignal('');
  const [problem, setProblem] = createSignal<Message | null>(null);
  const add = (): void => {
    const refused = addClass(name());
    setProblem(refused);
    if (refused) return;
    setName('');
    if (epochs() === RETRAIN_DEFAULTS.epochs) setEpochs(CLASS_EPOCHS);
  };
  const counts = () => sampleCounts();
  // The ten with samples, and every user class (with or without).
  const shown = () => classIndices().filter((i) => i >= NUM_CLASSES || (counts()[i] ?? 0) > 0);
  return (
    <div class="classes" data-testid="retrain-classes">
      <h3 class="retrain__subtitle">{t('classManager.title')}</h3>
      <label class="field__label" for="retrain-new-class-name">
        {t('classManager.newClass')}
      </label>
      <form
        class="retrain__add-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          id="retrain-new-class-name"
          type="text"
          class="field__input classes__name"
          data-testid="retrain-new-class-name"
          autocomplete="off"
          aria-describedby="retrain-new-class-hint"
          aria-invalid={problem() ? 'true' : undefined}
          value={name()}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <button type="submit" class="btn" data-testid="retrain-new-class-add">
          {t('classManager.add')}
        </button>
      </form>
      <p id="retrain-new-class-hint" class="field__hint">
        {t('classManager.newClassHint')}
      </p>
      <Show when={problem()}>
        {(m) => (
          <p class="classes__problem" data-testid="retrain-class-error" role="alert">
            {say(m())}
          </p>
        )}
      </Show>
      <Show when={shown().length > 0}>
        <ul class="classes__list" data-testid="retrain-class-list">
          <For each={shown()}>{(i) => <ClassRow index={i} count={counts()[i] ?? 0} />}</For>
        </ul>
      </Show>
      <Show when={classNote().length > 0}>
        <p class="field__hint" data-testid="retrain-class-note" role="status">
          {classNote().map(say).join(' ')}
        </p>
      </Show>
      <Show when={classScores().length > 0}>
        <ul class="classes__scores" data-testid="retrain-class-scores">
          <For each={classScores()}>
            {(s) => (
              <li data-class={s.label} data-right={s.right} data-count={s.count}>
                {t('classManager.heldOut', {
                  name: s.name,
                  right: format.number(s.right),
                  count: format.number(s.count),
                })}
                <Show when={s.count < 8}> {t('classManager.fewHeldOut', { count: format.number(s.count) })}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/** The user classes a version knows, for its line in the version list (nothing for the ten only). */
export function VersionClasses(props: { meta: VersionMeta }) {
  return (
    <Show when={(props.meta.classes?.length ?? 0) > 0}>
      <span class="version__classes" data-testid="version-classes">
        {' · '}+ {props.meta.classes!.join(', ')}
      </span>
    </Show>
  );
}
