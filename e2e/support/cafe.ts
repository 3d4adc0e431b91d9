import type { Browser } from 'playwright-core'
import type { CreateEventResponse } from '@tischrunde/shared'
import { launchBrowser } from './browser.js'
import { facilitatorSocket } from './facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './server-process.js'

/** A running server with one event whose Station 1 is open, and a browser: the setup most e2e tests share. */
export interface Cafe {
  server: ServerProcess
  browser: Browser
  created: CreateEventResponse
}

/** `env` adds to the server's environment (e.g. a short keep-alive for a test of quiet boards). */
export async function openCafe(event: CafeEvent, env: Record<string, string> = {}): Promise<Cafe> {
  const server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1', ...env } })
  const browser = await launchBrowser()
  return { server, browser, created: await openEvent(server, event) }
}

type CafeEvent = { title: string; tableNames: string[]; place?: string }

/** A further event on a running server, Station 1 open: a test (and its retry) that wants a board of its own. */
export async function openEvent(server: ServerProcess, event: CafeEvent): Promise<CreateEventResponse> {
  const res = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify({ date: '2026-11-23', ...event }),
  })
  if (res.status !== 201) throw new Error(`POST /api/events answered ${res.status}: ${await res.text()}`)
  const created = (await res.json()) as CreateEventResponse
  // Phones write once the facilitator has opened Station 1.
  const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
  const ack = await facilitator.advance()
  facilitator.close()
  if (!ack.ok) throw new Error(`could not open Station 1: ${ack.message}`)
  return created
}

export async function closeCafe(cafe: Cafe | undefined): Promise<void> {
  await cafe?.browser.close()
  await cafe?.server.stop()
  if (cafe) removeDir(cafe.server.dataDir)
}
