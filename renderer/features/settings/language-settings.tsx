import { appLocales, localeNames, type AppLocale } from '../../../shared/i18n/locales';
import { ErrorState } from '../../components/query-state';
import { useSetAppLanguage, useText } from '../../i18n/app-intl';

/**
 * The engineer's language for the screens, applied at once (no restart). It is not the report
 * language: that is each case's, on its Reports tab, and every export keeps the one it was written in.
 */
export const LanguageSettings = () => {
  const { t, locale } = useText();
  const save = useSetAppLanguage();
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('settings.language.title')}</h2>
      <div className="field">
        <label htmlFor="app-language">{t('settings.language.label')}</label>
        <select
          id="app-language"
          className="input input-narrow"
          value={locale}
          disabled={save.isPending}
          aria-describedby="app-language-hint"
          onChange={(e) => save.mutate(e.target.value as AppLocale)}
        >
          {appLocales.map((l) => (
            <option key={l} value={l} lang={l === 'en-XA' ? 'en' : l}>
              {localeNames[l]}
            </option>
          ))}
        </select>
        <p id="app-language-hint" className="field-hint">
          {t('settings.language.hint')}
        </p>
      </div>
      <p role="status" className="muted">
        {save.isSuccess && t('settings.language.saved', { language: localeNames[save.data.language] })}
      </p>
      {save.error != null && <ErrorState error={save.error} />}
    </section>
  );
};
