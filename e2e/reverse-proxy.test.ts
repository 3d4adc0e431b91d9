import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, WIRE_VERSION } from '@tischrunde/shared'
import { io } from 'socket.io-client'
import { PHONE, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const NGINX = '/usr/sbin/nginx'
const README = fileURLToPath(new URL('../README.md', import.meta.url))

let dir: string
let server: ServerProcess
let nginx: ChildProcess
let browser: Browser
let proxyUrl: string

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** The README's nginx snippet, pointed at this test's server, port and certificate. */
function readmeSnippet(upstreamPort: number, listenPort: number): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1]
  if (!block) throw new Error('README has no nginx snippet')
  return block
    .replace('listen 443 ssl;', `listen 127.0.0.1:${listenPort} ssl;`)
    .replace('/etc/ssl/kommune/tischrunde.crt', path.join(dir, 'cert.pem'))
    .replace('/etc/ssl/kommune/tischrunde.key', path.join(dir, 'key.pem'))
    .replace('http://127.0.0.1:3000', `http://127.0.0.1:${upstreamPort}`)
}

describe.skipIf(!existsSync(NGINX))('Tischrunde behind nginx, configured as the README says', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tischrunde-nginx-'))
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' })
    const listenPort = await freePort()
    proxyUrl = `https://127.0.0.1:${listenPort}`
    // Without TISCHRUNDE_PUBLIC_URL the server prints its own address, which the test needs; the
    // proxy's Host header alone lets the phone's sockets through the origin check.
    server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
    const upstreamPort = Number(new URL(server.url).port)
    mkdirSync(path.join(dir, 'logs'))
    const conf = [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'logs/error.log')} warn;`,
      'events {}',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(dir, `${t}-temp`)};`),
      readmeSnippet(upstreamPort, listenPort),
      '}',
    ].join('\n')
    writeFileSync(path.join(dir, 'nginx.conf'), conf)
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' })
    // Ready when the port answers.
    for (let i = 0; i < 50; i++) {
      const up = await fetch(`http://127.0.0.1:${listenPort}`).then(() => true, (e: { cause?: { code?: string } }) => e.cause?.code !== 'ECONNREFUSED')
      if (up) break
      await new Promise((r) => setTimeout(r, 100))
    }
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    nginx?.kill('SIGQUIT')
    await server?.stop()
    if (server) removeDir(server.dataDir)
    if (dir) removeDir(dir)
  })

  it('loads the phone through the proxy and saves a card over its websocket upgrade', async () => {
    const res = await fetch(`${server.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` }, body: JSON.stringify({ title: 'Café hinter dem Proxy', date: '2026-11-23', tableNames: ['Wohnen'] }) })
    const created = (await res.json()) as CreateEventResponse
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()

    const phone = await (await browser.newContext({ ...PHONE, ignoreHTTPSErrors: true })).newPage()
    const sockets: string[] = []
    phone.on('websocket', (ws) => sockets.push(ws.url()))
    await phone.goto(`${proxyUrl}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Wohnen', exact: true }).click()
    await phone.getByLabel('Deine Karte').fill('Durch den Proxy gespeichert')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.getByText('gespeichert').first().waitFor({ timeout: 15_000 })
    expect(sockets.some((u) => u.startsWith(`wss://127.0.0.1:${new URL(proxyUrl).port}/yjs`))).toBe(true)
    // The presence report went over Socket.IO through the proxy too: the console's count sees the phone.
    // (Listening from before the handshake: the count comes right after it, and again on changes.)
    const watcher = io(server.url, { auth: { token: created.facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'] })
    const seated = await new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(0), 10_000)
      watcher.on('presence:counts', (counts: { byTable: Record<string, number> }) => {
        if (counts.byTable.wohnen !== 1) return
        clearTimeout(timer)
        resolve(1)
      })
    })
    watcher.disconnect()
    expect(seated).toBe(1)
  })
})
