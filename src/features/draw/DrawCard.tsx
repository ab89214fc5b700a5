import type { JSX } from 'solid-js';
import { t } from '../../app/i18n';
import { DrawCanvas, type DrawApi } from './DrawCanvas';
import { DrawToolbar } from './DrawToolbar';
import { padMode, setPadMode } from './mode';
import { ModeSwitch } from './ModeSwitch';

/** Props of {@link DrawCard}. */
export interface DrawCardProps {
  /** Receives the drawing's API once mounted. */
  api: (api: DrawApi) => void;
  /** Called after every change of the drawing with the input event's timestamp. */
  onChange: (eventTime: number) => void;
  /** A photo chosen with the toolbar's Photo button. */
  onPhotoFile: (file: File) => void;
  /** What takes the pad's place in Photo mode (the photo feature's stage). */
  photo?: JSX.Element;
  /** Shown under the toolbar (the one-line answer, for phones). */
  children?: JSX.Element;
}

/**
 * The drawing card: the Draw | Photo switch, then the pad and its toolbar (tools, undo, clear,
 * photo, brush size) or, in Photo mode, the photo in the pad's place. Both stay mounted, so the
 * drawing and a running camera survive a switch.
 */
export function DrawCard(props: DrawCardProps) {
  let pad: DrawApi | undefined;
  const drawing = () => padMode() === 'draw';
  return (
    <section class="card draw" classList={{ 'draw--photo': !drawing() }} aria-label={t('draw.drawSection')}>
      <ModeSwitch />
      <div class="draw__pad" hidden={!drawing()}>
        <DrawCanvas api={(api) => props.api((pad = api))} onChange={props.onChange} />
      </div>
      <div class="draw__photo" hidden={drawing()}>
        {props.photo}
      </div>
      <DrawToolbar
        drawing={drawing()}
        onUndo={() => pad?.undo()}
        onClear={() => {
          pad?.clear();
          setPadMode('draw');
        }}
        onPhotoFile={props.onPhotoFile}
      />
      {props.children}
      <p class="tip" hidden={!drawing()}>
        {t('draw.fillTip')}
      </p>
    </section>
  );
}
