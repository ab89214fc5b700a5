import { For } from 'solid-js';
import { t } from '../../app/i18n';
import { brushSize, canUndo, setBrushSize, setTool, tool, type Tool } from './drawing';
import { Icon } from '../../ui/Icon';
import { PhotoInput } from './PhotoInput';

/** Props of {@link DrawToolbar}. */
export interface DrawToolbarProps {
  /** False in Photo mode: only clear (back to drawing) is shown; the stage has its own photo button. */
  drawing: boolean;
  onUndo: () => void;
  onClear: () => void;
  onPhotoFile: (file: File) => void;
}

const TOOLS: readonly Tool[] = ['brush', 'eraser', 'fill'];

/** Tool choice, undo, clear, photo and brush size: the controls under the drawing, within thumb reach. */
export function DrawToolbar(props: DrawToolbarProps) {
  return (
    <div class="toolbar">
      <div class="segmented" role="group" aria-label={t('draw.tools')} hidden={!props.drawing}>
        <For each={TOOLS}>
          {(name) => (
            <button
              type="button"
              class="btn btn--tool"
              aria-pressed={tool() === name}
              title={t(`draw.${name}`)}
              onClick={() => setTool(name)}
            >
              <Icon name={name} />
              <span class="btn__text">{t(`draw.${name}`)}</span>
            </button>
          )}
        </For>
      </div>
      <div class="actions">
        <button
          type="button"
          class="btn"
          title={t('draw.undo')}
          hidden={!props.drawing}
          disabled={!canUndo()}
          onClick={() => props.onUndo()}
        >
          <Icon name="undo" />
          <span class="btn__text">{t('draw.undo')}</span>
        </button>
        <button type="button" class="btn" title={t('draw.clear')} data-testid="clear" onClick={() => props.onClear()}>
          <Icon name="clear" />
          <span class="btn__text">{t('draw.clear')}</span>
        </button>
        <PhotoInput onFile={props.onPhotoFile} hidden={!props.drawing} />
      </div>
      <label class="size" hidden={!props.drawing}>
        <span class="visually-hidden">{t('draw.brushSize')}</span>
        <span class="size__swatch" aria-hidden="true">
          <span class="size__dot" style={{ '--size': `${Math.round(brushSize() * 0.55)}px` }} />
        </span>
        <input
          type="range"
          min="8"
          max="56"
          step="2"
          value={brushSize()}
          disabled={tool() === 'fill'}
          onInput={(e) => setBrushSize(Number(e.currentTarget.value))}
        />
      </label>
    </div>
  );
}
