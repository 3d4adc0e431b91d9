import './features/privacy/no-eval.js'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.js'
import { initI18n } from './i18n/index.js'
import { registerServiceWorker } from './sync/service-worker.js'
import './styles.css'

registerServiceWorker()
void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
