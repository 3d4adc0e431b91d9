import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type PublicEventView, WIRE_VERSION } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { sleep, within } from './helpers/wait.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const open: Socket[] = []

beforeEach(async () => {
  data = await tempDataDir('retired-host')
})
afterEach(async () => {
  for (const s of open.splice(0)) s.disconnect()
  await running?.close()
  running = undefined
  await data.remove()
})

/** A console-like screen on the control plane: every event state it was sent, and whether the server closed it. */
async function screen(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  open.push(socket)
  const states: PublicEventView[] = []
  socket.on('event:state', (view: PublicEventView) => states.push(view))
  const closed = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)))
  await within(new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject))), 'the screen to connect')
  await within(new Promise<void>((resolve) => (states.length > 0 ? resolve() : socket.once('event:state', () => resolve()))), 'the first event state')
  return { socket, states, closed }
}

const tokenOf = (link: string) => decodeURIComponent(link.split('#k=')[1]!)

describe('a table taken out of the setup', () => {
  it('closes its host’s screen at once: no more event state (with the join code) reaches a retired link; the other table’s host stays', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Weltcafé', tableNames: ['Arbeit', 'Bildung'] })
    const [arbeit, bildung] = event.event.tables.map((t) => t.id) as [string, string]
    const facilitator = await screen(running.url, event.facilitatorToken)
    const gone = await screen(running.url, tokenOf(event.links.hosts[arbeit]!))
    const stays = await screen(running.url, tokenOf(event.links.hosts[bildung]!))
    const seenBefore = gone.states.length
    const { id: _id, showNames: _showNames, ...setup } = event.event
    const ack = await facilitator.socket.emitWithAck('event:update', { setup: { ...setup, tables: setup.tables.filter((t) => t.id !== arbeit) } })
    expect(ack).toEqual({ ok: true })
    expect(await within(gone.closed, 'the retired host’s screen to close')).toBe('io server disconnect')
    expect(gone.states.length).toBe(seenBefore)
    await within(
      (async () => {
        while (!stays.states.some((s) => s.event.tables.length === 1)) await sleep(20)
      })(),
      'the other host to see the new setup',
    )
    expect(stays.socket.connected).toBe(true)
  })
})
