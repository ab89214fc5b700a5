import { For } from 'solid-js';
import { brushSize, canUndo, setBrushSize, setTool, tool, type Tool } from '../state/drawing';
import { t } from '../state/i18n';
import { Icon } from './Icon';
import { PhotoInput } from './PhotoInput';

/** Props of {@link DrawToolbar}. */
export interface DrawToolbarProps {
  onUndo: () => void;
  onClear: () => void;
  onPhoto: (image: ImageData, decodedAt: number) => void;
}

const TOOLS: readonly Tool[] = ['brush', 'eraser', 'fill'];

/** Tool choice, brush size, undo, clear and photo: the controls under the drawing, within thumb reach. */
export function DrawToolbar(props: DrawToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('tools')}>
      <div class="toolbar__row">
        <div class="segmented">
          <For each={TOOLS}>
            {(name) => (
              <button type="button" class="btn btn--tool" aria-pressed={tool() === name} onClick={() => setTool(name)}>
                <Icon name={name} />
                <span>{t(name)}</span>
              </button>
            )}
          </For>
        </div>
        <label class="size">
          <span class="visually-hidden">{t('brushSize')}</span>
          <span class="size__dot" style={{ '--size': `${Math.round(brushSize() / 3)}px` }} aria-hidden="true" />
          <input
            type="range"
            min="8"
            max="56"
            step="2"
            value={brushSize()}
            onInput={(e) => setBrushSize(Number(e.currentTarget.value))}
          />
        </label>
      </div>
      <div class="toolbar__row">
        <button type="button" class="btn" disabled={!canUndo()} onClick={() => props.onUndo()}>
          <Icon name="undo" />
          <span>{t('undo')}</span>
        </button>
        <button type="button" class="btn" data-testid="clear" onClick={() => props.onClear()}>
          <Icon name="clear" />
          <span>{t('clear')}</span>
        </button>
        <PhotoInput onImage={props.onPhoto} />
      </div>
    </div>
  );
}
