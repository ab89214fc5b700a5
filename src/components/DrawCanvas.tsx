import { onMount, Show } from 'solid-js';
import { input } from '../state/app';
import { brushSize, PAD_SIZE, setCanUndo, tool } from '../state/drawing';
import { t } from '../state/i18n';
import * as sk from './sketch';

/** What the rest of the app may do to the drawing. */
export interface DrawApi {
  undo(): void;
  clear(): void;
  /** Current pixels (dark ink on white). */
  pixels(): ImageData;
}

/** Props of {@link DrawCanvas}. */
export interface DrawCanvasProps {
  /** Receives the drawing's API once mounted. */
  api: (api: DrawApi) => void;
  /** Called after every change with the input event's timestamp. */
  onChange: (eventTime: number) => void;
}

/** The drawing surface: mouse, touch and pen through pointer events; brush, eraser and fill. */
export function DrawCanvas(props: DrawCanvasProps) {
  let canvas!: HTMLCanvasElement;
  let sketch: sk.Sketch;
  let last: [number, number] | null = null;

  const toCanvas = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * PAD_SIZE, ((e.clientY - r.top) / r.height) * PAD_SIZE];
  };
  const changed = (time: number): void => {
    setCanUndo(sketch.history.length > 0);
    props.onChange(time);
  };

  const down = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    const p = toCanvas(e);
    sk.checkpoint(sketch);
    if (tool() === 'fill') {
      sk.fillAt(sketch, p[0], p[1]);
    } else {
      canvas.setPointerCapture(e.pointerId);
      last = p;
      sk.stroke(sketch, p, p, brushSize(), tool() === 'eraser');
    }
    changed(e.timeStamp);
  };
  const move = (e: PointerEvent): void => {
    if (!last) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) {
      const p = toCanvas(ev);
      sk.stroke(sketch, last, p, brushSize(), tool() === 'eraser');
      last = p;
    }
    changed(e.timeStamp);
  };
  const up = (): void => {
    last = null;
  };

  // Chromium holds pointermove back until the next frame starts (up to 16 ms); pointerrawupdate
  // arrives as soon as the pointer moves, so strokes and predictions start that much sooner.
  const raw = 'onpointerrawupdate' in window;

  onMount(() => {
    sketch = sk.createSketch(canvas);
    if (raw) canvas.addEventListener('pointerrawupdate', move as EventListener);
    props.api({
      undo: () => {
        if (sk.undo(sketch)) changed(performance.now());
      },
      clear: () => {
        sk.clear(sketch);
        changed(performance.now());
      },
      pixels: () => sk.pixels(sketch),
    });
  });

  return (
    <div class="pad-frame">
      <canvas
        ref={(el) => (canvas = el)}
        class="pad"
        classList={{ 'pad--fill': tool() === 'fill' }}
        data-testid="draw-canvas"
        width={PAD_SIZE}
        height={PAD_SIZE}
        role="img"
        aria-label={t('canvasLabel')}
        onPointerDown={down}
        onPointerMove={raw ? undefined : move}
        onPointerUp={up}
        onPointerCancel={up}
        onLostPointerCapture={up}
      />
      <Show when={!input()}>
        <p class="pad-hint" aria-hidden="true">
          {t('drawHere')}
        </p>
      </Show>
    </div>
  );
}
