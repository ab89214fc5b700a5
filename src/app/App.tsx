import { lazy } from 'solid-js';
import { preprocess } from '../core/preprocess';
import { t } from './strings';
import { submit } from './predict-loop';
import { BackendBadge } from './BackendBadge';
import { Confidences } from '../features/answer/Confidences';
import { DrawCanvas, type DrawApi } from '../features/draw/DrawCanvas';
import { DrawToolbar } from '../features/draw/DrawToolbar';
import { ErrorBanner } from './ErrorBanner';
import { Examples } from '../features/draw/Examples';
import { LangToggle } from './LangToggle';
import { ModelPicker } from './ModelPicker';
import { Notice } from './Notice';
import { Preview } from '../features/answer/Preview';
import { TopGuess } from '../features/answer/TopGuess';
import { ViewNav } from './ViewNav';
import { Views } from './Views';
import { view } from './view';

// The photo and retraining cards (photo pipeline, IndexedDB, zip) load after the shell has painted.
const PhotoPanel = lazy(() => import('../features/photo/PhotoPanel').then((m) => ({ default: m.PhotoPanel })));
const RetrainPanel = lazy(() => import('../features/retrain/RetrainPanel').then((m) => ({ default: m.RetrainPanel })));
const classifyPhoto: typeof import('../features/photo/photo').classifyPhoto = async (grab, at) =>
  (await import('../features/photo/photo')).classifyPhoto(grab, at);

/** The whole app: drawing pad, result, examples and settings, one column on phones. */
export function App() {
  let pad: DrawApi | undefined;
  const fromPad = (eventTime: number): void =>
    submit({ produce: () => (pad ? preprocess(pad.pixels()) : null), eventTime });
  // A picked example or photo replaces the drawing, so the pad does not contradict the preview.
  const show = (x: Float32Array | null, eventTime: number): void => {
    pad?.clear();
    submit({ produce: () => x, eventTime });
  };

  return (
    <>
      <header class="masthead">
        <div class="brand">
          <img src={`${import.meta.env.BASE_URL}logo.svg`} alt="" width="32" height="32" />
          <h1>Prenda</h1>
        </div>
        <LangToggle />
      </header>
      <ViewNav />
      <main class="layout" hidden={view() !== 'draw'}>
        <div class="lead">
          <p class="tagline">{t('tagline')}</p>
          <ErrorBanner />
          <Notice />
        </div>
        <section class="card draw" aria-label={t('drawSection')}>
          <DrawCanvas api={(api) => (pad = api)} onChange={fromPad} />
          <DrawToolbar
            onUndo={() => pad?.undo()}
            onClear={() => pad?.clear()}
            onPhoto={(image, at) => (pad?.clear(), void classifyPhoto(() => image, at))}
          />
          <TopGuess />
          <p class="tip">{t('fillTip')}</p>
        </section>
        {/* Right after the pad in the markup, so on a phone the answer is in view while drawing. */}
        <div class="side">
          <Confidences />
          <div class="card inspect">
            <Preview />
            <BackendBadge />
            <ModelPicker />
          </div>
          <Examples onPick={show} />
        </div>
        <PhotoPanel onPhoto={() => pad?.clear()} />
        <RetrainPanel thumbSource={() => pad?.pixels() ?? null} />
      </main>
      <Views />
      <footer class="foot">
        <p>{t('privacy')}</p>
      </footer>
    </>
  );
}
