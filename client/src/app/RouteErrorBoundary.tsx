import { Component, type ReactNode } from 'react'
import { t } from '../i18n/index.js'

/** Each route has its own boundary, so a projector bug never blanks the phones. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
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
      <main className="page page-error" role="alert">
        <h1>{t('common.error')}</h1>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </main>
    )
  }
}
