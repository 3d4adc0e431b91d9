import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useProgrammeOpen } from './use-programme-open.js'

/** "Programm" in the phone's header: one tap from every screen to the day's programme. */
export default function ProgrammeEntry() {
  const { t } = useTranslation()
  const { show } = useProgrammeOpen()
  return (
    <button type="button" className="link-button programme-entry" onClick={() => show(true)}>
      {t('programme.open')}
    </button>
  )
}
