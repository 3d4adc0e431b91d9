import { lazy, type ReactNode, Suspense } from 'react'
import { Route, Switch } from 'wouter'
import { useTranslation } from '../i18n/index.js'
import { EventDeletedGuard } from './EventDeleted.js'
import { RouteErrorBoundary } from './RouteErrorBoundary.js'

// Each screen loads its own code: a phone never downloads the console or the QR encoder.
const Landing = lazy(() => import('./routes/Landing.js'))
const Phone = lazy(() => import('./routes/Phone.js'))
const Console = lazy(() => import('./routes/Console.js'))
const Projector = lazy(() => import('./routes/Projector.js'))
const Admin = lazy(() => import('./routes/Admin.js'))

function Screen({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>
        <EventDeletedGuard>{children}</EventDeletedGuard>
      </Suspense>
    </RouteErrorBoundary>
  )
}

export function App() {
  return (
    <Switch>
      <Route path="/"><Screen><Landing /></Screen></Route>
      <Route path="/j/:code"><Screen><Phone /></Screen></Route>
      <Route path="/e/:eventId/console"><Screen><Console /></Screen></Route>
      <Route path="/e/:eventId/projector"><Screen><Projector /></Screen></Route>
      <Route path="/admin"><Screen><Admin /></Screen></Route>
      <Route><Screen><Landing /></Screen></Route>
    </Switch>
  )
}
