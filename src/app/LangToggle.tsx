import { lang, setLang, t } from './i18n';
import { Icon } from '../ui/Icon';

/** Switches the interface between Spanish and English. */
export function LangToggle() {
  return (
    <button
      type="button"
      class="btn btn--quiet btn--small"
      lang={lang() === 'es' ? 'en' : 'es'}
      aria-label={t('app.languageLabel')}
      onClick={() => setLang(lang() === 'es' ? 'en' : 'es')}
    >
      <Icon name="globe" />
      <span>{t('app.language')}</span>
    </button>
  );
}
