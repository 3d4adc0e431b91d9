import type { ReactNode } from 'react'
import { useTranslation } from '../i18n/index.js'
import { useTischStore } from '../store/index.js'

/**
 * Every screen of an event that is deleted while open says so instead of what it showed (the
 * server sends `event:deleted` and disconnects; the timer stops with the round state cleared).
 */
export function EventDeletedGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const deleted = useTischStore((s) => s.controlStatus === 'deleted')
  if (!deleted) return children
  return (
    <main className="page event-deleted">
      <h1 role="alert">{t('common.eventDeleted')}</h1>
      <p>
        <a href="/">{t('common.backHome')}</a>
      </p>
    </main>
  )
}
