import { type Socket, io } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { within } from './helpers/wait.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
let facilitator: Socket | undefined
beforeEach(async () => {
  data = await tempDataDir('table-removed')
})
afterEach(async () => {
  facilitator?.close()
  await running?.close()
  running = undefined
  await data.remove()
})

describe('a table removed and one added under its name', () => {
  it('gives the new table its own empty board, not the cards of the removed one', async () => {
    running = await startServer(data.dir)
    const created = await createEvent(running.url, { title: 'Café', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, created.facilitatorToken)
    const phone = await connectPhone(running.url, created.event.id, 'arbeit', created.joinCode)
    try {
      await phone.synced()
      phone.put(phone.card({ id: 'card-arbeit-01', text: 'Anerkennung ausländischer Abschlüsse dauert ewig' }))
      await phone.saved()
    } finally {
      phone.destroy()
    }
    facilitator = io(running.url, { auth: { token: created.facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    await within(new Promise<void>((resolve, reject) => (facilitator!.once('connect', () => resolve()), facilitator!.once('connect_error', reject))), 'control socket')
    const update = (tables: { id: string; name: string; host: string }[]) => {
      const { id: _id, showNames: _names, ...setup } = created.event
      return within(facilitator!.emitWithAck('event:update', { setup: { ...setup, tables } }) as Promise<Ack>, 'event:update')
    }
    const sprache = created.event.tables.find((t) => t.id === 'sprache')!
    expect(await update([sprache])).toEqual({ ok: true })
    expect(await update([sprache, { id: 'arbeit', name: 'Arbeit', host: '' }])).toEqual({ ok: true })

    const { body } = await api<{ event: { tables: { id: string; name: string }[] } }>(running.url, `/api/events/${created.event.id}`, { token: created.facilitatorToken })
    expect(body.event.tables.map((t) => [t.id, t.name])).toEqual([
      ['sprache', 'Sprache'],
      ['arbeit-2', 'Arbeit'],
    ])
    const board = connectBoard(running.url, created.event.id, 'arbeit-2', created.facilitatorToken)
    try {
      await board.synced()
      expect(board.cards()).toEqual([])
    } finally {
      board.destroy()
    }
    // A table kept in the setup keeps its board.
    expect(await update([sprache, { id: 'arbeit-2', name: 'Arbeit und Ausbildung', host: '' }])).toEqual({ ok: true })
    const again = await api<{ event: { tables: { id: string }[] } }>(running.url, `/api/events/${created.event.id}`, { token: created.facilitatorToken })
    expect(again.body.event.tables.map((t) => t.id)).toEqual(['sprache', 'arbeit-2'])
  })
})
