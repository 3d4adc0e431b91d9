import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

describe('the Content-Security-Policy', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  beforeAll(async () => {
    data = await tempDataDir('csp')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('forbids inline script, script attributes, plugins and foreign connections on every page', async () => {
    const res = await fetch(`${running.url}/healthz`)
    const csp = Object.fromEntries(
      (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name, values]
      }),
    ) as Record<string, string[]>
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['script-src-attr']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['connect-src']).toEqual(["'self'"])
    expect(csp['default-src']).toEqual(["'self'"])
    // Only the app's own origin for styles and fonts too (no 'unsafe-inline', no https: at large);
    // images also as data: URLs, which are the QR codes the page draws itself.
    expect(csp['style-src']).toEqual(["'self'"])
    expect(csp['font-src']).toEqual(["'self'"])
    expect(csp['img-src']).toEqual(["'self'", 'data:'])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
