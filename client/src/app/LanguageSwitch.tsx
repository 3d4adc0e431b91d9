import { useTranslation } from '../i18n/index.js'
import { LANGUAGES, type Language, setLanguage } from '../i18n/index.js'

export function LanguageSwitch() {
  const { t, language } = useTranslation()
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
