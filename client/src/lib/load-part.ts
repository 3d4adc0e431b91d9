import { lazy } from 'react'

/** How long a part that did not arrive waits before it is fetched again, in ms (the last one repeats). */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000]
/** Failures while the server answers after which a part counts as gone (a newer build replaced it). */
const FAILURES_WHILE_REACHABLE = 2

/**
 * Loads a part of the app that the build split off (a dynamic import). On venue Wi-Fi, or while
 * the server restarts, the fetch fails: the part is fetched again, sooner once the browser is
 * back online, for as long as the server cannot be reached, so a screen never breaks because a
 * part arrived late. Only a part the reachable server no longer has (the app was updated meanwhile)
 * fails, and the route's error screen offers the reload that gets the new build. `retrying` is
 * told each time a fetch failed and another one follows (a screen says "no connection" meanwhile).
 */
export function loadPart<T>(load: () => Promise<T>, retrying?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let attempt = 0
    let missing = 0
    const tryLoad = () =>
      load().then(resolve, async (error: unknown) => {
        if ((await serverAnswers()) && ++missing >= FAILURES_WHILE_REACHABLE) return reject(error)
        retrying?.()
        const delay = RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)]!
        const again = () => {
          clearTimeout(timer)
          window.removeEventListener('online', again)
          tryLoad()
        }
        const timer = setTimeout(again, delay)
        window.addEventListener('online', again)
      })
    tryLoad()
  })
}

/** `React.lazy` for a split-off component, fetched as `loadPart` does. */
export const lazyPart: typeof lazy = (load) => lazy(() => loadPart(load))

async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch('/healthz', { cache: 'no-store' })).ok
  } catch {
    return false
  }
}
