import { useTranslation } from '../../i18n/index.js'
import { unlockAudio } from './gong.js'

/** A clear prompt while the browser keeps the gong silent (nobody clicked in this window yet). */
export function SoundPrompt() {
  const { t } = useTranslation()
  return (
    <aside className="sound-prompt" role="alert">
      <p>{t('projectorModes.soundPrompt')}</p>
      <button type="button" className="primary" onClick={unlockAudio}>
        {t('projectorModes.soundUnlock')}
      </button>
    </aside>
  )
}
