import { type ReactNode, Suspense, useId, useState } from 'react'
import { lazyPart } from '../../lib/load-part.js'
import { useTranslation } from '../../i18n/index.js'

// The notice, the imprint and "Meine Beiträge löschen" load on the first tap (the phone's bundle stays small).
const PhonePrivacy = lazyPart(() => import('./PhonePrivacy.js'))

/**
 * "Datenschutz & Impressum" in the phone's header: one tap from every screen. Before one takes
 * part (choosing a table), a line says the notices are there to read first. `beside`: what stands
 * on the button's line (the language choice), so the heading stays short on a small screen.
 */
export function PrivacyButton({ before, beside }: { before: boolean; beside?: ReactNode }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <div className="phone-privacy">
      {before && !open && <p className="muted">{t('privacyLink.before')}</p>}
      <div className="phone-privacy-line">
        <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          {open ? t('privacyLink.close') : t('privacyLink.button')}
        </button>
        {beside}
      </div>
      {open && (
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <PhonePrivacy id={id} />
        </Suspense>
      )}
    </div>
  )
}
