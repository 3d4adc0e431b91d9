import { clientConfigSchema } from '@tischrunde/shared'
import { useEffect, useSyncExternalStore } from 'react'

/** The server's public address (TISCHRUNDE_PUBLIC_URL) once known; null: none configured or not asked yet. */
let configured: string | null = null
/** Whether the server has answered (or could not be asked). */
let known = false
let asked: Promise<void> | null = null
const listeners = new Set<() => void>()

/** Asks the server once for its public address; join links and QR codes use it from then on. */
export function loadPublicUrl(): Promise<void> {
  asked ??= fetch('/api/config', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? res.json() : null))
    .then((body: unknown) => {
      const parsed = clientConfigSchema.safeParse(body)
      configured = parsed.success ? parsed.data.publicUrl : null
    })
    // Offline: the page's own address is the best guess.
    .catch(() => {})
    .finally(() => {
      known = true
      for (const listener of listeners) listener()
    })
  return asked
}

/** The address phones reach the server at: the configured public one, else the page's own. */
export function publicBase(): string {
  return (configured ?? window.location.origin).replace(/\/+$/, '')
}

/** Absolute address of a server-relative link, for QR codes and copying: always on the public address. */
export function absolute(link: string): string {
  return link.startsWith('/') ? `${publicBase()}${link}` : new URL(link, `${publicBase()}/`).toString()
}

/** Whether a host name only reaches this machine (no phone can open it). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\./.test(hostname) || hostname === '[::1]' || hostname === '::1'
}

/**
 * Re-renders when the public address is known. `ready`: the server answered (QR codes wait for it,
 * so none shows the wrong address even for a moment); `configured`: TISCHRUNDE_PUBLIC_URL is set;
 * `loopback`: none is set and this page was opened at a loopback address, so its links reach no phone.
 */
export function usePublicUrl(): { ready: boolean; base: string; configured: boolean; loopback: boolean } {
  useEffect(() => void loadPublicUrl(), [])
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => known,
  )
  return { ready: current, base: publicBase(), configured: configured !== null, loopback: configured === null && isLoopbackHost(window.location.hostname) }
}

/** Adds a query parameter to a link that may carry a `#k=` fragment. */
export function withQuery(link: string, key: string, value: string): string {
  const [path, hash] = link.split('#', 2)
  const url = new URL(path!, window.location.origin)
  url.searchParams.set(key, value)
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`
}
