/** Registers the app-shell service worker where the browser allows it (HTTPS or localhost). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app works as before; only offline reloads need it.
    })
  })
}
