import { Component, type ReactNode, Suspense } from 'react'
import { t } from '../i18n/index.js'

/**
 * A split-off part of a screen (the console's voting, moderation or framing, a phone's extras)
 * that could not load shows so in its place, with a reload, while the rest of the screen keeps
 * working: a server restart while a part was on its way must not blank a facilitator's whole
 * console. A part that never loads (its fetch failed in a way only a reload mends) ends here.
 */
class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    console.error(error)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <p className="banner banner-warning" role="alert">
        {t('common.partFailed')}{' '}
        <button type="button" className="secondary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      </p>
    )
  }
}

/** A lazily loaded part of a screen: nothing while it loads, a note in its place if it fails. */
export function ScreenPart({ children }: { children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={null}>{children}</Suspense>
    </PartBoundary>
  )
}
