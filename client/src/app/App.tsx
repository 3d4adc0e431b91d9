import { lazy, type ReactNode, Suspense } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { useTranslation } from 'react-i18next'
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
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>{children}</Suspense>
    </RouteErrorBoundary>
  )
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<Screen><Landing /></Screen>} />
        <Route path="/j/:code" element={<Screen><Phone /></Screen>} />
        <Route path="/e/:eventId/console" element={<Screen><Console /></Screen>} />
        <Route path="/e/:eventId/projector" element={<Screen><Projector /></Screen>} />
        <Route path="/admin" element={<Screen><Admin /></Screen>} />
        <Route path="*" element={<Screen><Landing /></Screen>} />
      </Routes>
    </BrowserRouter>
  )
}
