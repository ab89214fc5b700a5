import { For } from 'solid-js';
import { t } from '../../app/i18n';
import { photoInPad } from '../../app/state';
import { brushSize, canUndo, setBrushSize, setTool, tool, type Tool } from './drawing';
import { Icon } from '../../ui/Icon';
import { PhotoInput } from './PhotoInput';

/** Props of {@link DrawToolbar}. */
export interface DrawToolbarProps {
  /**
   * False in Photo mode: of the tools only clear stays, worded "Remove photo" and shown once a
   * photo is there (removing it gives the pad back); the stage has its own photo buttons.
   */
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
        <button
          type="button"
          class="btn"
          classList={{ 'btn--labelled': !props.drawing }}
          title={t(props.drawing ? 'draw.clear' : 'draw.removePhoto')}
          data-testid="clear"
          hidden={!props.drawing && !photoInPad()}
          onClick={() => props.onClear()}
        >
          <Icon name="clear" />
          <span class="btn__text">{t(props.drawing ? 'draw.clear' : 'draw.removePhoto')}</span>
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
