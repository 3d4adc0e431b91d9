import { Component, type ReactNode } from 'react'
import { t } from '../i18n/index.js'

/** Shows `fallback` instead of its children once one of them failed to render (logged). */
export class FailureBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    console.error(error)
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}

/** Each route has its own boundary, so a projector bug never blanks the phones. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <FailureBoundary
      fallback={
        <main className="page page-error" role="alert">
          <h1>{t('common.error')}</h1>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </button>
        </main>
      }
    >
      {children}
    </FailureBoundary>
  )
}
