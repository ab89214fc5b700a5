import { t } from '../../app/i18n';
import { Icon } from '../../ui/Icon';
import { padMode, setPadMode } from './mode';

/** The Draw | Photo switch at the top of the pad. */
export function ModeSwitch() {
  return (
    <div class="segmented mode-switch" role="group" aria-label={t('draw.mode')}>
      <button
        type="button"
        class="btn btn--tool"
        data-testid="mode-draw"
        aria-pressed={padMode() === 'draw'}
        onClick={() => setPadMode('draw')}
      >
        <Icon name="brush" />
        <span>{t('draw.modeDraw')}</span>
      </button>
      <button
        type="button"
        class="btn btn--tool"
        data-testid="mode-photo"
        aria-pressed={padMode() === 'photo'}
        onClick={() => setPadMode('photo')}
      >
        <Icon name="photo" />
        <span>{t('draw.modePhoto')}</span>
      </button>
    </div>
  );
}
