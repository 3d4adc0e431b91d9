import { type ReactNode, Suspense } from 'react'
import { lazyPart } from '../lib/load-part.js'
import { Route, Switch } from 'wouter'
import { useTranslation } from '../i18n/index.js'
import { ControlOutdated } from './ControlOutdated.js'
import { EventDeletedGuard } from './EventDeleted.js'
import { RouteErrorBoundary } from './RouteErrorBoundary.js'

// Each screen loads its own code: a phone never downloads the console or the QR encoder.
const Landing = lazyPart(() => import('./routes/Landing.js'))
const Phone = lazyPart(() => import('./routes/Phone.js'))
const Console = lazyPart(() => import('./routes/Console.js'))
const Projector = lazyPart(() => import('./routes/Projector.js'))
const Admin = lazyPart(() => import('./routes/Admin.js'))

function Screen({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>
        <ControlOutdated />
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
