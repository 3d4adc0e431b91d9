import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
}, 60_000)
afterAll(async () => {
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe('an address the built server cannot read', () => {
  it.each(['/e/%E0%A4%A/console', '/e/abc%/projector', '/j/%C0%AF'])('%s gets a short 400 in words, no stack trace and no path of the server', async (address) => {
    const res = await fetch(`${server.url}${address}`)
    expect(res.status).toBe(400)
    const body = await res.text()
    expect(body).toBe('Diese Adresse ist ungültig. / This address is not valid.')
    expect(body).not.toMatch(/URIError|node_modules|at \w/)
  })

  it('still serves the pages of readable addresses', async () => {
    const res = await fetch(`${server.url}/e/some-event/console`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="root">')
  })
})
