import { afterEach, describe, expect, it, vi } from 'vitest'
import { failedModuleUrl, loadPart } from './load-part.js'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** A loader whose code reads as the build wrote it (`source`, taken from a built chunk). */
function asBuilt<T>(source: string, load: () => Promise<T>): () => Promise<T> {
  load.toString = () => source
  return load
}

/** A stylesheet in the page (a data address: the test page fetches nothing over the network). */
function styleLink(): HTMLLinkElement {
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = 'data:text/css,.framing-organisers{}'
  document.head.append(link)
  return link
}

/** A part whose first `failures` fetches fail, as a dynamic import fails without the network. */
function flakyPart(failures: number) {
  const load = vi.fn(async () => {
    if (load.mock.calls.length <= failures) throw new TypeError('Failed to fetch dynamically imported module')
    return { default: 'Rahmen der Dokumentation' }
  })
  return load
}

describe('a part of the app fetched on demand', () => {
  it('arrives after the server was away for a while, fetched again until then', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const load = flakyPart(4)
    const part = loadPart(load)
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000 + 4000)
    await expect(part).resolves.toEqual({ default: 'Rahmen der Dokumentation' })
    expect(load).toHaveBeenCalledTimes(5)
  })

  it('is fetched again at once when the browser is back online', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const load = flakyPart(2)
    const part = loadPart(load)
    await vi.advanceTimersByTimeAsync(600)
    expect(load).toHaveBeenCalledTimes(2)
    window.dispatchEvent(new Event('online'))
    await expect(part).resolves.toEqual({ default: 'Rahmen der Dokumentation' })
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('fails when the server answers but no longer has the part (the app was updated), so the screen offers a reload', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"ok":true}', { status: 200 })))
    const load = flakyPart(Infinity)
    const part = loadPart(load)
    const outcome = part.then(() => 'loaded', () => 'failed')
    await vi.advanceTimersByTimeAsync(500)
    expect(await outcome).toBe('failed')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('fetches a stylesheet that failed while the network was away again once the part has arrived', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const link = styleLink()
    const addresses = new Set<string>()
    // The part's first two fetches fail; each time its stylesheet fails too (still offline).
    let loads = 0
    const load = async () => {
      link.dispatchEvent(new Event('error'))
      addresses.add(link.href)
      if (++loads <= 2) throw new TypeError('Failed to fetch dynamically imported module')
      return { default: 'Rahmen der Dokumentation' }
    }
    const part = loadPart(load)
    await vi.advanceTimersByTimeAsync(500 + 1000)
    await expect(part).resolves.toEqual({ default: 'Rahmen der Dokumentation' })
    // Fetched again after each failure and once more when the part came, each time under a new address.
    expect(link.hasAttribute('data-failed')).toBe(false)
    expect(addresses.has(link.href)).toBe(false)
    expect(new URL(link.href).searchParams.get('retry')).not.toBeNull()
    link.remove()
  })

  it('fetches a stylesheet that failed after its part arrived again once the browser is back online, a few times at most', async () => {
    vi.useFakeTimers()
    const link = styleLink()
    const first = link.href
    link.dispatchEvent(new Event('error'))
    expect(link.href).toBe(first)
    window.dispatchEvent(new Event('online'))
    const second = link.href
    expect(second).not.toBe(first)
    // A stylesheet the server does not have is not asked for without end.
    const seen = [second]
    for (let i = 0; i < 10; i++) {
      link.dispatchEvent(new Event('error'))
      await vi.advanceTimersByTimeAsync(8000)
      seen.push(link.href)
    }
    expect(new Set(seen).size).toBe(5)
    link.remove()
  })

  it('is imported again under a new address once the browser has kept its failed fetch (Chromium’s module map)', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    // The browser answers every import of the old address with the old failure, without fetching.
    let loads = 0
    const load = asBuilt('()=>k(()=>import(`./FramingForm-CSM2qoea.js`),__vite__mapDeps([12,13]))', async () => {
      loads++
      throw new TypeError('Failed to fetch dynamically imported module: http://localhost:3000/assets/FramingForm-CSM2qoea.js')
    })
    const importUrl = vi.fn(async (url: string) => {
      if (importUrl.mock.calls.length < 2) throw new TypeError(`Failed to fetch dynamically imported module: ${url}`)
      return { default: 'Rahmen der Dokumentation' }
    })
    const part = loadPart(load, undefined, importUrl)
    await vi.advanceTimersByTimeAsync(500 + 1000)
    await expect(part).resolves.toEqual({ default: 'Rahmen der Dokumentation' })
    expect(loads).toBe(1)
    expect(importUrl.mock.calls.map(([url]) => new URL(url).search)).toEqual(['?retry=1', '?retry=2'])
    expect(importUrl.mock.calls.every(([url]) => new URL(url).pathname === '/assets/FramingForm-CSM2qoea.js')).toBe(true)
  })

  it('is not imported under a new address when a module it imports failed or when its loader builds its own result', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    // The module that failed is one the part imports: its loader does not name it.
    const failing = (file: string) => {
      let loads = 0
      return async () => {
        if (++loads < 3) throw new TypeError(`Failed to fetch dynamically imported module: http://localhost:3000/assets/${file}`)
        return { openSocketTransport: 'the part' }
      }
    }
    const importUrl = vi.fn(async () => ({ t: 'the chunk, not the part' }))
    const dependencyFailed = loadPart(asBuilt('()=>k(()=>import(`./control-Dx1.js`),__vite__mapDeps([3]))', failing('socketio-BM2AXjjo.js')), undefined, importUrl)
    // A loader that builds its own result from the module (a screen's English wording).
    const ownResult = loadPart(
      asBuilt('async()=>({moderation:(await t(async()=>{let{default:e}=await import(`./en.moderation-Dc8uoTyI.js`);return{default:e}},[])).default})', failing('en.moderation-Dc8uoTyI.js')),
      undefined,
      importUrl,
    )
    await vi.advanceTimersByTimeAsync(500 + 1000)
    await expect(dependencyFailed).resolves.toEqual({ openSocketTransport: 'the part' })
    await expect(ownResult).resolves.toEqual({ openSocketTransport: 'the part' })
    expect(importUrl).not.toHaveBeenCalled()
  })

  it('taken out of a chunk it shares with other modules, is imported again under a new address and taken out again the same way', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    // As the build writes them: the control plane's transport and a phone's vote screen.
    const failing = (file: string) => async () => {
      throw new TypeError(`Failed to fetch dynamically imported module: http://localhost:3000/assets/${file}`)
    }
    const importUrl = vi.fn(async (url: string) => {
      if (importUrl.mock.calls.length < 3) throw new TypeError(`Failed to fetch dynamically imported module: ${url}`)
      return { t: { openSocketTransport: 'the transport' }, VoteOver: 'the vote screen', other: 'another part' }
    })
    const socket = loadPart(
      asBuilt('()=>Te(()=>import(`./socketio-d_9lhzYO.js`).then(e=>e.t),__vite__mapDeps([0,1,2]))', failing('socketio-d_9lhzYO.js')),
      undefined,
      importUrl,
    )
    const vote = loadPart(asBuilt('()=>import(`./VotePhone-DR2plTAl.js`).then(e=>({default:e.VoteOver}))', failing('VotePhone-DR2plTAl.js')), undefined, importUrl)
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000)
    await expect(socket).resolves.toEqual({ openSocketTransport: 'the transport' })
    await expect(vote).resolves.toEqual({ default: 'the vote screen' })
    const addresses = importUrl.mock.calls.map(([url]) => url)
    expect(addresses.every((url) => new URL(url).searchParams.has('retry'))).toBe(true)
    expect(addresses.some((url) => url.includes('/assets/socketio-d_9lhzYO.js?'))).toBe(true)
    expect(addresses.some((url) => url.includes('/assets/VotePhone-DR2plTAl.js?'))).toBe(true)
  })

  it('reads the failed address from Chromium’s and Firefox’s messages, and none from a message without one', () => {
    expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:3000/assets/A-1.js'))).toBe('http://127.0.0.1:3000/assets/A-1.js')
    expect(failedModuleUrl(new TypeError('error loading dynamically imported module: http://127.0.0.1:3000/assets/A-1.js?retry=2'))).toBe('http://127.0.0.1:3000/assets/A-1.js')
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull()
  })
})
