import type { ReactNode } from 'react'
import { formatEventDate } from '../../i18n/dates.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { PrivacyButton } from '../privacy/PrivacyButton.js'
import { LanguageSwitch } from '../../app/LanguageSwitch.js'

/**
 * The programme phone's header on a day of workshops: the event and its day, the screen's heading,
 * "Datenschutz & Impressum" and the language one tap away on every screen (before a first sign-up, with the
 * line that asks to read it first, as at the table choice of a café day).
 */
export function ProgrammePhoneHeader({ heading, before, children }: { heading: string; before: boolean; children?: ReactNode }) {
  const { t, language } = useTranslation()
  const title = useTischStore((s) => s.event?.title ?? '')
  const date = useTischStore((s) => s.event?.date)
  return (
    <header className="phone-header">
      <div>
        <p className="eyebrow">{date ? t('programme.eventLine', { title, date: formatEventDate(date, language) }) : title}</p>
        <h1 tabIndex={-1} data-step-focus="header">
          {heading}
        </h1>
      </div>
      {children}
      <PrivacyButton before={before} beside={<LanguageSwitch />} />
    </header>
  )
}
