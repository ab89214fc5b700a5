import { createSignal, onMount, Show } from 'solid-js';
import type { InkSource } from '../../core/ink-mirror';
import { t } from '../../app/i18n';
import { input } from '../../app/state';
import { afterPaint } from '../../app/settled';
import { brushSize, PAD_SIZE, setCanUndo, tool } from './drawing';
import { moveCursor, padCommand } from './pad-keys';
import * as sk from './sketch';

/** What the rest of the app may do to the drawing; as an {@link InkSource}, what the classifier reads. */
export interface DrawApi extends InkSource {
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

type Point = [number, number];

/**
 * The drawing surface: brush, eraser and fill, by pointer (mouse, touch, pen) or by keyboard (a
 * cursor moved with the arrow keys, pen down and up with Space or Enter; keys in pad-keys.ts).
 */
export function DrawCanvas(props: DrawCanvasProps) {
  let canvas!: HTMLCanvasElement;
  let made: sk.Sketch | undefined;
  /**
   * The pad's pixels and history, made on first use or just after the first paint: the first fill
   * of a canvas allocates its pixels (6–24 ms here at 1×, a third of the shell's render, measured
   * with user-timing marks), and until then the canvas's CSS background is the same white paper.
   */
  const sketch = (): sk.Sketch => (made ??= sk.createSketch(canvas));
  let last: Point | null = null;
  /** The current stroke gets pointerrawupdate events (so its pointermove ones are skipped). */
  let rawStroke = false;
  // The keyboard cursor lives outside the canvas pixels: those are what the model classifies.
  const [cursor, setCursor] = createSignal<Point>([PAD_SIZE / 2, PAD_SIZE / 2]);
  const [penDown, setPenDown] = createSignal(false);
  // Keyboard in use on the focused pad: shows the cursor and the focus ring (not after a click).
  const [keys, setKeys] = createSignal(false);
  const [said, setSaid] = createSignal('');

  /** The pad's place on screen, read once per stroke (the pad captures the pointer and does not scroll). */
  let rect: DOMRect | null = null;
  const toCanvas = (e: PointerEvent): Point => {
    // Reading layout per move would force a style and layout pass after each answer's DOM writes.
    const r = rect ?? canvas.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * PAD_SIZE, ((e.clientY - r.top) / r.height) * PAD_SIZE];
  };
  const changed = (time: number): void => {
    setCanUndo(sketch().history.length > 0);
    props.onChange(time);
  };
  const line = (a: Point, b: Point): void => sk.stroke(sketch(), a, b, brushSize(), tool() === 'eraser');
  /** One undoable step at `p`: a fill, or the dot that starts a stroke. */
  const press = (p: Point, fill: boolean, time: number): void => {
    sk.checkpoint(sketch());
    if (fill) sk.fillAt(sketch(), p[0], p[1]);
    else line(p, p);
    changed(time);
  };
  const undo = (time = performance.now()): void => {
    if (sk.undo(sketch())) changed(time);
  };

  /** Ends a keyboard stroke; false when the pen was already up. */
  const lift = (): boolean => {
    if (!penDown()) return false;
    setPenDown(false);
    setSaid(t('draw.penUp'));
    return true;
  };

  const down = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    lift();
    setKeys(false);
    rect = canvas.getBoundingClientRect();
    const p = toCanvas(e);
    const fill = tool() === 'fill';
    setCursor(p);
    press(p, fill, e.timeStamp);
    if (!fill) {
      canvas.setPointerCapture(e.pointerId);
      last = p;
      rawStroke = false;
      canvas.addEventListener('pointermove', move);
    }
  };
  const move = (e: PointerEvent): void => {
    if (!last) return;
    // Chromium holds pointermove back until the next frame starts (up to 16 ms); pointerrawupdate
    // arrives as soon as the pointer moves, so strokes and predictions start that much sooner.
    // A stroke follows pointerrawupdate once one arrived, else pointermove (browsers without it,
    // or pointer types it is not sent for).
    if (e.type === 'pointerrawupdate') {
      // The stroke's pointermoves are then of no use: stop listening, so they cost no dispatch.
      if (!rawStroke) canvas.removeEventListener('pointermove', move);
      rawStroke = true;
    } else if (rawStroke) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) {
      const p = toCanvas(ev);
      line(last, p);
      last = p;
    }
    changed(e.timeStamp);
  };
  const up = (): void => {
    last = null;
    rect = null;
  };

  const key = (e: KeyboardEvent): void => {
    const command = padCommand(e);
    if (!command || (command.kind === 'lift' && !penDown())) return;
    e.preventDefault();
    setKeys(true);
    switch (command.kind) {
      case 'move': {
        const from = cursor();
        const to = moveCursor(from, command.dx, command.dy, PAD_SIZE);
        setCursor(to);
        if (penDown()) {
          line(from, to);
          changed(e.timeStamp);
        }
        return;
      }
      case 'pen': {
        if (lift()) return;
        const fill = tool() === 'fill';
        // Each pen-down is one checkpoint, so undo removes the whole keyboard stroke at once.
        press(cursor(), fill, e.timeStamp);
        setPenDown(!fill);
        setSaid(fill ? t('draw.filled') : t('draw.penDown', { tool: t(`draw.${tool()}`) }));
        return;
      }
      case 'fill':
        lift();
        press(cursor(), true, e.timeStamp);
        setSaid(t('draw.filled'));
        return;
      case 'lift':
        lift();
        return;
      case 'undo':
        lift();
        undo(e.timeStamp);
        return;
    }
  };
  const focus = (): void => {
    if (canvas.matches(':focus-visible')) setKeys(true);
  };
  const blur = (): void => {
    lift();
    setKeys(false);
  };

  onMount(() => {
    void afterPaint().then(sketch);
    // Moves are native listeners, not Solid's delegated ones (a document listener that walks the
    // tree per event): one comes with every answer, and the page's main thread is the bottleneck.
    canvas.addEventListener('pointerrawupdate', move as EventListener);
    props.api({
      undo: () => (lift(), undo()),
      clear: () => {
        lift();
        sk.clear(sketch());
        changed(performance.now());
      },
      pixels: () => sk.pixels(sketch()),
      ...sk.inkSource(sketch),
    });
  });

  const percent = (v: number): string => `${(v / PAD_SIZE) * 100}%`;
  return (
    <>
      <div class="pad-frame" classList={{ 'pad-frame--keys': keys() }}>
        {/* role="application": screen readers in browse mode would otherwise take the arrow keys. */}
        <canvas
          ref={(el) => (canvas = el)}
          class="pad"
          classList={{ 'pad--fill': tool() === 'fill' }}
          data-testid="draw-canvas"
          width={PAD_SIZE}
          height={PAD_SIZE}
          tabindex="0"
          role="application"
          aria-roledescription={t('draw.padRole')}
          aria-label={t('draw.canvasLabel')}
          aria-describedby="pad-keys"
          onPointerDown={down}
          onPointerUp={up}
          onPointerCancel={up}
          onLostPointerCapture={up}
          onKeyDown={key}
          onFocus={focus}
          onBlur={blur}
        />
        <Show when={keys()}>
          <span
            class="pad-cursor"
            classList={{ 'pad-cursor--down': penDown(), 'pad-cursor--fill': tool() === 'fill' }}
            style={{ left: percent(cursor()[0]), top: percent(cursor()[1]), '--size': percent(brushSize()) }}
            aria-hidden="true"
          />
        </Show>
        <Show when={!input()}>
          <p class="pad-hint" aria-hidden="true">
            {t('draw.drawHere')}
          </p>
        </Show>
      </div>
      <p id="pad-keys" class="tip" classList={{ 'visually-hidden': !keys() }}>
        {t('draw.padKeys')}
      </p>
      <span class="visually-hidden" aria-live="polite">
        {said()}
      </span>
    </>
  );
}
