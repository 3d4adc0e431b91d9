import type { ReactNode } from 'react'
import { t } from '../i18n/index.js'

/** A note that only a reload of the page mends, with the button that reloads it. */
export function ReloadNote({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p className={`banner banner-warning ${className}`.trim()} role="alert">
      {children}{' '}
      <button type="button" className="secondary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </p>
  )
}
