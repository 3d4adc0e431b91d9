import { useEffect, useState, useSyncExternalStore } from 'react'

const subscribe = (onChange: () => void) => {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/** Whether the device says it has a network (false: certainly offline; true: maybe online). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  )
}

/** True once `active` has held for `ms` without a break (e.g. "still connecting after 8 s"). */
export function useLasting(active: boolean, ms: number): boolean {
  const [lasting, setLasting] = useState(false)
  useEffect(() => {
    setLasting(false)
    if (!active) return
    const timer = setTimeout(() => setLasting(true), ms)
    return () => clearTimeout(timer)
  }, [active, ms])
  return active && lasting
}

/** A screen still connecting after this long is, for the person holding the phone, offline (ms). */
const CONNECTING_SHOWN_AS_OFFLINE_MS = 6000

/**
 * Whether a doc's screen should say "offline": the socket says so, the device has no network, or
 * it has been connecting for a while (a page opened without network never sees a connection drop).
 */
export function useShownOffline(status: 'connecting' | 'synced' | 'offline' | 'denied'): boolean {
  const online = useOnline()
  const stuck = useLasting(status === 'connecting', CONNECTING_SHOWN_AS_OFFLINE_MS)
  return status === 'offline' || (status !== 'denied' && (!online || (status === 'connecting' && stuck)))
}
