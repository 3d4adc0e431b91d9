import { type ReactNode, Suspense } from 'react'
import { t } from '../i18n/index.js'
import { ReloadNote } from './ReloadNote.js'
import { FailureBoundary } from './RouteErrorBoundary.js'

/**
 * A lazily loaded part of a screen (the console's voting, moderation or framing, a phone's extras):
 * nothing while it loads; if it cannot load, a note with a reload in its place, while the rest of
 * the screen keeps working. A server restart while a part was on its way must not blank a
 * facilitator's whole console (a part whose fetch failed in a way only a reload mends ends here).
 */
export function ScreenPart({ children }: { children: ReactNode }) {
  return (
    <FailureBoundary
      fallback={<ReloadNote>{t('common.partFailed')}</ReloadNote>}
    >
      <Suspense fallback={null}>{children}</Suspense>
    </FailureBoundary>
  )
}
