import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'

/** Why the link is new: the event was created just now, or the link was renewed; false: shown on request. */
export type FreshLink = false | 'event' | 'link'

/**
 * The facilitator link with copy and print, and a plain warning that it is the key to the event.
 * `fresh`: right after creating the event or renewing the link, when it must be saved now (it takes
 * focus). `renew`: the control that blocks this link and issues a new one.
 */
export function FacilitatorLink({ url, fresh = false, onClose, renew }: { url: string; fresh?: FreshLink; onClose?: () => void; renew?: ReactNode }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (fresh) heading.current?.focus()
  }, [fresh])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      // No clipboard (plain HTTP on some browsers): select the text so Ctrl+C copies it.
      const field = document.getElementById('facilitator-link-url') as HTMLInputElement | null
      field?.select()
    }
  }
  const print = () => {
    document.body.classList.add('print-facilitator-link')
    window.addEventListener('afterprint', () => document.body.classList.remove('print-facilitator-link'), { once: true })
    window.print()
  }
  return (
    <section className={`panel facilitator-link${fresh ? ' facilitator-link-fresh' : ''}`} aria-labelledby="facilitator-link-title">
      <h2 id="facilitator-link-title" ref={heading} tabIndex={-1}>
        {t('control.linkTitle')}
      </h2>
      {fresh && <p>{t(fresh === 'event' ? 'control.linkNewIntro' : 'control.linkRenewedIntro')}</p>}
      <p className="facilitator-link-warning" role="note">
        <strong>{t('control.linkWarning')}</strong>
      </p>
      <label className="visually-hidden" htmlFor="facilitator-link-url">
        {t('control.linkTitle')}
      </label>
      <input id="facilitator-link-url" className="facilitator-link-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('control.copy')}
        </button>
        <button type="button" className="secondary" onClick={print}>
          {t('control.print')}
        </button>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {fresh ? t('control.linkDone') : t('control.linkHide')}
          </button>
        )}
      </div>
      <p role="status">{copied ? t('control.copied') : ''}</p>
      {renew && <p>{renew}</p>}
    </section>
  )
}
