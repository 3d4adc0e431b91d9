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
 *
 * Chromium keeps a module it failed to fetch as failed under its address for the page's life (its
 * module map), so importing it again fails at once without asking the network: a part whose fetch
 * failed is imported again under its address with a `retry` parameter, and stylesheets that did not
 * arrive are fetched again the same way, with every further try and once the part has arrived. `importUrl` imports by address (a test replaces it). When
 * a module the part imports failed instead, the part stays as before: fetched again, and failing
 * once the server answers (the screen then offers the reload).
 */
export function loadPart<T>(load: () => Promise<T>, retrying?: () => void, importUrl: (url: string) => Promise<T> = importByUrl): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let attempt = 0
    let missing = 0
    let next = load
    const arrived = (part: T) => {
      // The network is back (the part came): a stylesheet that failed on the last try meanwhile comes now.
      if (attempt > 0) refetchFailedStyles()
      resolve(part)
    }
    const failedOnce = async (error: unknown) => {
      if ((await serverAnswers()) && ++missing >= FAILURES_WHILE_REACHABLE) return reject(error)
      retrying?.()
      const failed = failedModuleUrl(error)
      const retry = attempt + 1
      // Only the part's own module, as its loader takes it (an export of a shared chunk included):
      // a module it imports stays failed for the page, whichever address that one is imported under.
      const take = failed ? partOf<T>(load, failed) : null
      if (failed && take) next = () => importUrl(withRetry(failed, retry)).then(take)
      refetchFailedStyles()
      const delay = RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)]!
      const again = () => {
        clearTimeout(timer)
        window.removeEventListener('online', again)
        tryLoad()
      }
      const timer = setTimeout(again, delay)
      window.addEventListener('online', again)
    }
    const tryLoad = () => void next().then(arrived, failedOnce)
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

/** The address of the module a failed dynamic import names (Chromium and Firefox say which; Safari does not). */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error)
  const match = /dynamically imported module:?\s+(\S+\.m?js)(?:\?\S*)?\s*$/i.exec(message)
  if (!match) return null
  try {
    return new URL(match[1]!, window.location.href).href
  } catch {
    return null
  }
}

/**
 * When a loader is nothing but the import of the module at `url`, what it takes from that module:
 * the build writes the part's file name into it, alone or inside Vite's preload helper
 * (`() => x(() => import("./FramingForm-….js"), __vite__mapDeps([…]))`), and may take the part out
 * of a chunk it shares with other modules, as one export (`.then(e => e.t)`) or as a component's
 * default (`.then(e => ({ default: e.VoteOver }))`); the module imported again gives the same. A
 * loader that builds its own result otherwise, or one that never names the module (a module the
 * part imports failed), gets null.
 */
function partOf<T>(load: () => unknown, url: string): ((module: T) => T) | null {
  const file = new URL(url).pathname.split('/').pop()
  if (!file) return null
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const source = load.toString().replace(/\s+/g, '')
  const deps = String.raw`(?:,(?:__vite__mapDeps\(\[[\d,]*\]\)|\[[^\]]*\])(?:,import\.meta\.url)?)?\)`
  // The import, and what the loader takes from the module: one export, or one export as the default.
  const call = String.raw`import\(([\`'"])[^\`'"]*${escaped}\1\)(?:\.then\(\(?([\w$]+)\)?=>(?:\2\.([\w$]+)|\(\{default:\2\.([\w$]+)\}\))\))?`
  const shapes = [String.raw`^(?:async)?\(\)=>${call}$`, String.raw`^(?:async)?\(\)=>[\w$]+\(\(\)=>${call}${deps}$`]
  const match = shapes.map((shape) => new RegExp(shape).exec(source)).find((m) => m !== null)
  if (!match) return null
  const [, , , name, component] = match
  if (name) return (module) => (module as Record<string, T>)[name]!
  if (component) return (module) => ({ default: (module as Record<string, unknown>)[component] }) as T
  return (module) => module
}

/** The address with its `retry` parameter set to `n` (the browser's failed fetch stays under the old one). */
function withRetry(url: string, n: number): string {
  const address = new URL(url, window.location.href)
  address.searchParams.set('retry', String(n))
  return address.href
}

/** Fetches of stylesheets again so far: each goes to an address of its own (a failed one is not asked again). */
let styleFetches = 0
/** How often one stylesheet fetches itself again after failing, before only a part's next try does. */
const STYLE_RETRIES = RETRY_DELAYS_MS.length

/** Stylesheets that failed to arrive (marked by the listener below) are fetched again under a new address. */
function refetchFailedStyles(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][data-failed]')) refetchStyle(link)
}

function refetchStyle(link: HTMLLinkElement): void {
  link.removeAttribute('data-failed')
  link.href = withRetry(link.href, ++styleFetches)
}

/**
 * A stylesheet that fails (the network away) is marked, so a part's next try fetches it again, and
 * fetches itself again once the browser is back online or after a pause: the part it belongs to may
 * have arrived meanwhile, and then no further try follows. A few times, with growing pauses.
 */
function styleFailed(link: HTMLLinkElement): void {
  link.setAttribute('data-failed', '')
  const tries = Number(link.dataset.tries ?? 0)
  if (tries >= STYLE_RETRIES) return
  link.dataset.tries = String(tries + 1)
  const again = () => {
    clearTimeout(timer)
    window.removeEventListener('online', again)
    if (link.isConnected && link.hasAttribute('data-failed')) refetchStyle(link)
  }
  const timer = setTimeout(again, RETRY_DELAYS_MS[tries])
  window.addEventListener('online', again)
}

if (typeof document !== 'undefined') {
  document.addEventListener(
    'error',
    (event) => {
      const target = event.target
      if (target instanceof HTMLLinkElement && target.rel === 'stylesheet') styleFailed(target)
    },
    true,
  )
}

function importByUrl<T>(url: string): Promise<T> {
  return import(/* @vite-ignore */ url) as Promise<T>
}
