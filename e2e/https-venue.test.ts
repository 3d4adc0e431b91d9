import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let certDir: string
let cert: Buffer
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  // A self-signed certificate for a local name, as a laptop at the venue would use.
  certDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-tls-'))
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem'),
    '-subj', '/CN=tischrunde.local', '-addext', 'subjectAltName=DNS:tischrunde.local,DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' })
  cert = readFileSync(path.join(certDir, 'cert.pem'))
  server = await startServerProcess({
    env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_TLS_CERT: path.join(certDir, 'cert.pem'), TISCHRUNDE_TLS_KEY: path.join(certDir, 'key.pem') },
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
  if (certDir) removeDir(certDir)
})

/** POST over HTTPS trusting only the test's own certificate. */
function postJson<T>(url: string, body: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca: cert, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` } }, (res) => {
      let data = ''
      res.on('data', (d: Buffer) => (data += d.toString()))
      res.on('end', () => (res.statusCode === 201 || res.statusCode === 200 ? resolve(JSON.parse(data) as T) : reject(new Error(`${res.statusCode}: ${data}`))))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

describe('Tischrunde serving HTTPS itself (TISCHRUNDE_TLS_CERT / TISCHRUNDE_TLS_KEY)', () => {
  it('prints an https address, loads the phone page over https and saves a card over wss', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const created = await postJson<CreateEventResponse>(`${server.url}/api/events`, { title: 'Café mit Zertifikat', date: '2026-11-23', tableNames: ['Sprache'] })
    // The facilitator opens Station 1 over Socket.IO on the same HTTPS port.
    const facilitator = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage()
    await facilitator.goto(`${server.url}${created.links.facilitator}`)
    await facilitator.getByRole('button', { name: 'Start: Station 1' }).click()

    const context = await browser.newContext({ ...PHONE, ignoreHTTPSErrors: true })
    const phone = await context.newPage()
    const sockets: string[] = []
    phone.on('websocket', (ws) => sockets.push(ws.url()))
    await phone.goto(`${server.url}${created.links.participant}`)
    expect(await phone.evaluate(() => [location.protocol, window.isSecureContext])).toEqual(['https:', true])
    await phone.getByRole('button', { name: 'Sprache', exact: true }).click()
    await phone.getByLabel('Deine Karte').fill('Sicher übertragen')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.getByText('gespeichert').first().waitFor({ timeout: 15_000 })
    expect(sockets.some((u) => u.startsWith('wss://') && u.includes('/yjs'))).toBe(true)
    expect(sockets.every((u) => u.startsWith('wss://'))).toBe(true)
  })
})
