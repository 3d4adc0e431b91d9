import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadPart } from './load-part.js'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

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
})
