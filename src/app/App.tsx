import { createSignal, lazy, onMount } from 'solid-js';
import { Confidences, Preview, TopGuess } from '../features/answer';
import { DrawCard, Examples, padMode, setPadMode, type DrawApi } from '../features/draw';
import { assetUrl } from './assets';
import { BackendBadge } from './BackendBadge';
import { ErrorBanner } from './ErrorBanner';
import { receiveFiles } from './incoming';
import { t } from './i18n';
import { LangToggle } from './LangToggle';
import { AfterPaint, Later } from './Later';
import { afterPaint } from './settled';
import { ModelPicker } from './ModelPicker';
import { Notice } from './Notice';
import { OfflinePanel } from './OfflinePanel';
import { submit } from './predict-loop';
import { view } from './view';
import { ViewNav } from './ViewNav';
import { Views } from './Views';

// The photo, album, explanation and retraining panels (photo pipeline, IndexedDB, zip) and the
// examples (twenty canvases and their file) are not needed for the first prediction: each loads when asked for, scrolled to, or once the first answer
// is in and the browser is idle (`Later`). On phones Photo mode is the first screen: its panel
// loads at once, and its place is kept meanwhile (styles.css, `.draw__photo:empty`).
const photo = () => import('../features/photo');
const PhotoPanel = lazy(() => photo().then((m) => ({ default: m.PhotoPanel })));
const album = () => import('../features/album');
const AlbumPanel = lazy(() => album().then((m) => ({ default: m.AlbumPanel })));
// "Why?" (its worker starts with the first explanation) loads after the shell too.
const ExplainPanel = lazy(() => import('../features/explain').then((m) => ({ default: m.ExplainPanel })));
const RetrainPanel = lazy(() => import('../features/retrain').then((m) => ({ default: m.RetrainPanel })));

/** The whole app: drawing pad, result, examples and settings, one column on phones. */
export function App() {
  let pad: DrawApi | undefined;
  // Only the ink box's pixels (in a worker: what changed) leave the pad; the classifier preprocesses them.
  const fromPad = (eventTime: number): void => void (pad && submit({ ink: pad, eventTime }));
  // A picked example or photo replaces the drawing, so the pad does not contradict the preview.
  const show = (x: Float32Array | null, eventTime: number): void => {
    pad?.clear();
    submit({ produce: () => x, eventTime });
  };
  // A photo (file, drop, camera, share) takes the pad's place; several shared photos open the album.
  const photoShown = (): void => {
    pad?.clear();
    setPadMode('photo');
  };
  const photoFile = (file: File): void => void photo().then((m) => m.classifyPhotoFile(file, photoShown));
  const [albumWanted, setAlbumWanted] = createSignal(false);
  const albumOf = (files: File[]): void =>
    void album().then((m) => {
      setAlbumWanted(true);
      setTimeout(() => document.getElementById('album')?.scrollIntoView(), 50);
      return m.openAlbum(files);
    });
  onMount(() => void receiveFiles((files) => (files.length === 1 ? photoFile(files[0]!) : albumOf(files))));
  // On phones Photo mode is the first screen, yet its panel waits for the first paint: importing it
  // (the links for its modules and CSS) took a fifth of the first render's task on a phone.
  const [painted, setPainted] = createSignal(false);
  onMount(() => void afterPaint().then(() => setPainted(true)));

  return (
    <>
      <header class="masthead">
        <div class="brand">
          <img src={assetUrl('logo.svg')} alt="" width="32" height="32" />
          <h1>Prenda</h1>
        </div>
        <LangToggle />
      </header>
      <ViewNav />
      <main class="layout" hidden={view() !== 'draw'}>
        <div class="lead">
          <p class="tagline">{t(padMode() === 'photo' ? 'app.taglinePhoto' : 'app.tagline')}</p>
          <ErrorBanner />
          <Notice />
        </div>
        <DrawCard
          api={(api) => (pad = api)}
          onChange={fromPad}
          onPhotoFile={photoFile}
          photo={
            <Later when={painted() && padMode() === 'photo'} name="photo" load={PhotoPanel.preload}>
              <PhotoPanel onPhoto={photoShown} />
            </Later>
          }
        >
          <TopGuess photo={padMode() === 'photo'} />
        </DrawCard>
        {/* Right after the pad in the markup, so on a phone the answer is in view while drawing. */}
        <div class="side">
          {/* Its own task right after the first paint (the pad and the top guess paint first): nothing
              is below it yet, so it moves nothing. */}
          <AfterPaint name="answer">
            <Confidences photo={padMode() === 'photo'} />
          </AfterPaint>
          {/* Below the bars (out of view on a phone): its own task once the pad and bars have painted. */}
          <AfterPaint name="inspect">
            <div class="card inspect">
              <Preview />
              <BackendBadge />
              <ModelPicker />
            </div>
          </AfterPaint>
          <Later name="explain" load={ExplainPanel.preload}>
            <ExplainPanel />
          </Later>
          <Later name="examples">
            <Examples onPick={show} />
          </Later>
        </div>
        <Later when={albumWanted()} id="album" name="album" load={AlbumPanel.preload}>
          <AlbumPanel />
        </Later>
        <Later name="retrain" load={RetrainPanel.preload}>
          <RetrainPanel thumbSource={() => pad?.pixels() ?? null} />
        </Later>
      </main>
      {/* Nothing shows before them (the views open from the nav) and nothing comes after them. */}
      <AfterPaint name="views">
        <Views />
      </AfterPaint>
      <AfterPaint name="footer">
        <footer class="foot">
          <OfflinePanel />
          <p>{t('app.privacy')}</p>
        </footer>
      </AfterPaint>
    </>
  );
}
