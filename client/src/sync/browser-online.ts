/**
 * Follows the browser's own word on the network: a phone whose Wi-Fi goes says "offline" at once,
 * instead of after the half minute the socket needs to notice a silent network. Back online, a
 * connection that never broke is as good as before (`online`); one that did reconnects by itself.
 * Display only: the connection's own handling is untouched. Returns the cleanup.
 */
export function followBrowserOnline(handlers: { offline: () => void; online: () => void }): () => void {
  if (typeof window === 'undefined') return () => {}
  window.addEventListener('offline', handlers.offline)
  window.addEventListener('online', handlers.online)
  return () => {
    window.removeEventListener('offline', handlers.offline)
    window.removeEventListener('online', handlers.online)
  }
}

/** Whether the browser says it has no network now (a page opened offline gets no 'offline' event). */
export const browserOffline = (): boolean => typeof navigator !== 'undefined' && navigator.onLine === false
