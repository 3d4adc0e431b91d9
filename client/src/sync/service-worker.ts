/** Registers the app-shell service worker where the browser allows it (HTTPS or localhost). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      // This first load's files came before the worker ran, so it did not keep them: an offline
      // reload then found the page but not its script. The worker is told what the page loaded,
      // and keeps the app's own hashed files among them.
      .then((registration) => registration.active?.postMessage(performance.getEntriesByType('resource').map((entry) => entry.name)))
      .catch(() => {
        // Without it the app works as before; only offline reloads need it.
      })
  })
}
