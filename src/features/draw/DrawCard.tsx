import type { JSX } from 'solid-js';
import { t } from '../../app/i18n';
import { DrawCanvas, type DrawApi } from './DrawCanvas';
import { DrawToolbar } from './DrawToolbar';

/** Props of {@link DrawCard}. */
export interface DrawCardProps {
  /** Receives the drawing's API once mounted. */
  api: (api: DrawApi) => void;
  /** Called after every change of the drawing with the input event's timestamp. */
  onChange: (eventTime: number) => void;
  /** A photo chosen with the toolbar's Photo button. */
  onPhotoFile: (file: File) => void;
  /** Shown under the toolbar (the one-line answer, for phones). */
  children?: JSX.Element;
}

/** The drawing card: pad, toolbar (tools, undo, clear, photo, brush size) and the fill tip. */
export function DrawCard(props: DrawCardProps) {
  let pad: DrawApi | undefined;
  return (
    <section class="card draw" aria-label={t('draw.drawSection')}>
      <DrawCanvas api={(api) => props.api((pad = api))} onChange={props.onChange} />
      <DrawToolbar onUndo={() => pad?.undo()} onClear={() => pad?.clear()} onPhotoFile={props.onPhotoFile} />
      {props.children}
      <p class="tip">{t('draw.fillTip')}</p>
    </section>
  );
}
