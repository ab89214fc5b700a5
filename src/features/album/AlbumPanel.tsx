import { For, Show, createEffect, createMemo, createSignal, lazy } from 'solid-js';
import { classIndices, classLabel } from '../../app/classes';
import { format } from '../../app/format';
import { t } from '../../app/i18n';
import {
  album,
  albumDone,
  albumInput,
  albumPhoto,
  albumFilter,
  albumState,
  correctItem,
  openAlbum,
  problemText,
  setAlbumFilter,
  type AlbumItem,
} from './album';
import { albumCsv, albumJson, albumRecords, download } from './album-export';
import './album.css';

// "Why?" loads on first use: the album is core (sharing offline opens it), the explanation is not.
const Explanation = lazy(() => import('../explain').then((m) => ({ default: m.Explanation })));

/** One photo: thumbnail, class, confidence, "not sure", and the one-tap correction. */
function AlbumCard(props: { item: AlbumItem }) {
  const item = () => props.item;
  const p = () => (item().probs ? item().probs![item().top]! : 0);
  const [why, setWhy] = createSignal(false);
  /** The album's answer and its runner-up, as the explanation's classes. */
  const whyClasses = () => {
    const probs = item().probs;
    if (!probs || item().top < 0) return null;
    const versus = probs.reduce((best, v, i) => (i !== item().top && (best < 0 || v > probs[best]!) ? i : best), -1);
    return { cls: item().top, versus };
  };
  let canvas!: HTMLCanvasElement;
  // Painted from the decoded working copy (blob: URLs are not allowed images under the app's CSP).
  createEffect(() => {
    const photo = item().status === 'done' ? albumPhoto(item().id) : null;
    if (!photo) return;
    canvas.width = photo.width;
    canvas.height = photo.height;
    const data = new ImageData(new Uint8ClampedArray(photo.data), photo.width, photo.height);
    canvas.getContext('2d')?.putImageData(data, 0, 0);
  });
  return (
    <li
      class="album-item"
      classList={{ 'album-item--unsure': item().status === 'done' && !item().sure }}
      data-testid="album-item"
      data-file={item().file}
      data-state={item().status}
      data-class={item().status === 'done' ? String(item().top) : undefined}
      data-p={item().probs ? String(p()) : undefined}
      data-sure={item().status === 'done' ? String(item().sure) : undefined}
      data-corrected={item().corrected ?? undefined}
    >
      <div class="album-item__thumb">
        <canvas ref={(el) => (canvas = el)} role="img" aria-label={t('album.thumb', { file: item().file })} />
      </div>
      <p class="album-item__file" title={item().file}>
        {item().file}
      </p>
      <Show when={item().probs}>
        <p class="album-item__class">
          <strong>{classLabel(item().top)}</strong> {format.percent(p(), 0)}
          <Show when={!item().sure}>
            <span class="album-item__flag">{t('album.notSure')}</span>
          </Show>
        </p>
        <select
          class="album-item__correct"
          data-testid="album-correct"
          aria-label={t('album.correct', { file: item().file })}
          value={String(item().corrected ?? item().top)}
          onChange={(e) => void correctItem(item().id, Number(e.currentTarget.value))}
        >
          <For each={classIndices()}>{(c) => <option value={c}>{classLabel(c)}</option>}</For>
        </select>
        <Show when={item().corrected !== null}>
          <p class="album-item__corrected">{t('album.corrected', { name: classLabel(item().corrected!) })}</p>
        </Show>
      </Show>
      <Show when={item().probs}>
        <button
          type="button"
          class="btn btn--quiet btn--small"
          data-testid="album-why"
          aria-expanded={why()}
          onClick={() => setWhy(!why())}
        >
          {t('album.why')}
        </button>
      </Show>
      <Show when={why()}>
        <div class="album-item__why">
          <Explanation input={albumInput(item().id)} classes={whyClasses()} startOpen />
        </div>
      </Show>
      <Show when={item().problem}>{(m) => <p class="album-item__problem">{problemText(m())}</p>}</Show>
    </li>
  );
}

/**
 * The album: choose (or share) many photos, see each one's class, confidence and "not sure"
 * flag as they are classified one at a time, filter by class, correct, export CSV or JSON.
 */
export function AlbumPanel() {
  const total = () => album.items.length;
  const present = createMemo(() => {
    const counts = new Map<number, number>();
    for (const item of album.items) if (item.probs) counts.set(item.top, (counts.get(item.top) ?? 0) + 1);
    return [...counts].sort((a, b) => a[0] - b[0]);
  });
  const shown = () => {
    const f = albumFilter();
    return f === null ? album.items : album.items.filter((item) => item.probs && item.top === f);
  };
  const records = () =>
    albumRecords(album.items, classLabel, (item) => (item.problem ? problemText(item.problem) : null));
  const choose = (e: Event & { currentTarget: HTMLInputElement }): void => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (files.length) void openAlbum(files);
  };
  return (
    <section class="card album" id="album" aria-labelledby="album-heading">
      <h2 id="album-heading" class="eyebrow">
        {t('album.albumTitle')}
      </h2>
      <p class="album__intro">{t('album.albumIntro')}</p>
      <label class="btn btn--file album__choose">
        <input
          type="file"
          accept="image/*"
          multiple
          class="visually-hidden"
          data-testid="album-input"
          onChange={choose}
        />
        <span>{t('album.choose')}</span>
      </label>
      <div class="album__body" data-testid="album" data-state={albumState()} aria-busy={albumState() === 'working'}>
        <Show when={total() > 0}>
          <div class="album__progress">
            <progress
              data-testid="album-progress"
              aria-label={t('album.progress', { done: format.number(albumDone()), total: format.number(total()) })}
              max={total()}
              value={albumDone()}
            />
            <span role="status">
              {albumState() === 'working'
                ? t('album.working', { done: format.number(albumDone()), total: format.number(total()) })
                : t('album.finished', { total: format.number(total()) })}
            </span>
          </div>
          <div class="album__tools">
            <label class="album__filter">
              <span>{t('album.filter')}</span>
              <select
                data-testid="album-filter"
                value={albumFilter() === null ? '' : String(albumFilter())}
                onChange={(e) => setAlbumFilter(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
              >
                <option value="">{t('album.all', { n: format.number(total()) })}</option>
                <For each={present()}>
                  {([c, n]) => (
                    <option value={c}>
                      {classLabel(c)} ({format.number(n)})
                    </option>
                  )}
                </For>
              </select>
            </label>
            <button
              type="button"
              class="btn"
              data-testid="album-export-csv"
              disabled={albumState() !== 'done'}
              onClick={() => download(albumCsv(records()), 'prenda-album.csv', 'text/csv')}
            >
              {t('album.exportCsv')}
            </button>
            <button
              type="button"
              class="btn"
              data-testid="album-export-json"
              disabled={albumState() !== 'done'}
              onClick={() => download(albumJson(records()), 'prenda-album.json', 'application/json')}
            >
              {t('album.exportJson')}
            </button>
          </div>
        </Show>
        <ul class="album__grid">
          <For each={shown()}>{(item) => <AlbumCard item={item} />}</For>
        </ul>
      </div>
    </section>
  );
}
