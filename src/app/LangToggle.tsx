import { lang, setLang, t } from './strings';
import { Icon } from '../ui/Icon';

/** Switches the interface between Spanish and English. */
export function LangToggle() {
  return (
    <button
      type="button"
      class="btn btn--quiet btn--small"
      lang={lang() === 'es' ? 'en' : 'es'}
      aria-label={t('languageLabel')}
      onClick={() => setLang(lang() === 'es' ? 'en' : 'es')}
    >
      <Icon name="globe" />
      <span>{t('language')}</span>
    </button>
  );
}
