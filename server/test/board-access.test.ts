import { randomBytes } from 'node:crypto'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, BoardCloseCode, WriteRefusal, boardDocName } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { credentialsFromSecret } from '../src/access/credentials.js'
import { api, createEvent, join } from './helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from './helpers/board-client.js'
import { killAllChildren, startChildServer } from './helpers/child-server.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds, lockStation } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/** What a raw websocket client saw when it tried to open a board socket. */
interface UpgradeOutcome {
  status: number | undefined
  opened: boolean
  messages: number
}

/** Opens a raw board socket and records the HTTP answer and every byte of document data it gets. */
function tryUpgrade(url: string, path: string, timeoutMs = 3000): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const outcome: UpgradeOutcome = { status: undefined, opened: false, messages: 0 }
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`)
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`no answer to the upgrade of ${path} within ${timeoutMs} ms`))
    }, timeoutMs)
    let settled = false
    // Settles a moment after the answer, so a wrongly accepted socket can show what it would send.
    const settle = () => {
      if (settled) return
      settled = true
      setTimeout(() => {
        clearTimeout(timer)
        ws.terminate()
        resolve(outcome)
      }, 300)
    }
    ws.on('unexpected-response', (req, res) => {
      outcome.status = res.statusCode
      res.resume()
      req.destroy()
      settle()
    })
    ws.on('open', () => {
      outcome.opened = true
      settle()
    })
    ws.on('message', () => outcome.messages++)
    ws.on('error', () => settle())
    ws.on('close', () => settle())
  })
}

describe('board sockets refuse anyone without a credential for the board', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let other: CreateEventResponse
  let participantToken: string

  beforeAll(async () => {
    data = await tempDataDir('access')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Regionalkonferenz', tableNames: ['Arbeitsmarktintegration', 'Digitalisierung'] })
    other = await createEvent(running.url, { title: 'Anderes Café', tableNames: ['Arbeitsmarktintegration'] })
    participantToken = (await join(running.url, cafe.joinCode)).token
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  const board = (token: string | null, tableId = 'arbeitsmarktintegration', eventId = cafe.event.id) =>
    `/yjs/${boardDocName(eventId, tableId)}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`

  const cases: { name: string; path: () => string; status: number }[] = [
    { name: 'without a token', path: () => board(null), status: 401 },
    { name: 'with an empty token', path: () => board(''), status: 401 },
    { name: 'with a token whose signature was altered', path: () => board(participantToken.slice(0, -2) + (participantToken.endsWith('AA') ? 'BB' : 'AA')), status: 401 },
    {
      name: 'with a token whose claims were changed to facilitator',
      path: () => {
        const [body, signature] = participantToken.split('.')
        const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'))
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'facilitator' })).toString('base64url')
        return board(`${forged}.${signature}`)
      },
      status: 401,
    },
    {
      name: 'with a token signed by another installation',
      path: () => board(credentialsFromSecret(randomBytes(32)).issue({ event: cafe.event.id, role: 'facilitator', epoch: 0 })),
      status: 401,
    },
    { name: "with another event's facilitator token", path: () => board(other.facilitatorToken), status: 401 },
    { name: 'for a table the event does not have', path: () => board(cafe.facilitatorToken, 'gibt-es-nicht'), status: 404 },
    { name: 'for a name that is not a board', path: () => `/yjs/events.json?token=${cafe.facilitatorToken}`, status: 404 },
  ]

  it.each(cases)('answers a board socket $name with HTTP $status and sends no document bytes', async ({ path, status }) => {
    const outcome = await tryUpgrade(running.url, path())
    expect(outcome).toEqual({ status, opened: false, messages: 0 })
  })

  it('opens the board for a participant of the event (the same path with a valid token)', async () => {
    const client = connectBoard(running.url, cafe.event.id, 'arbeitsmarktintegration', participantToken)
    try {
      await client.synced()
      expect(client.closeCodes).toEqual([])
    } finally {
      client.destroy()
    }
  })
})

/** Creates an event and opens Station 1, as the facilitator does at the start of the day. */
async function startedEvent(url: string, title: string, tableNames: string[]) {
  const cafe = await createEvent(url, { title, tableNames })
  await advanceRounds(url, cafe.facilitatorToken)
  return { cafe, table: cafe.event.tables[0]!.id }
}

describe('a board socket that sends garbage', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  beforeAll(async () => {
    data = await tempDataDir('garbage')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('is closed with 4400 while the board keeps working for everyone else', async () => {
    const { cafe, table } = await startedEvent(running.url, 'Störsender', ['Arbeitsmarktintegration'])
    const phone = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    try {
      await phone.synced()
      const raw = new WebSocket(`${running.url.replace(/^http/, 'ws')}/yjs/${boardDocName(cafe.event.id, table)}?token=${encodeURIComponent(phone.token)}`)
      const code = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not close the socket')), 3000)
        raw.on('open', () => {
          const encoder = encoding.createEncoder()
          encoding.writeVarUint(encoder, 0) // sync
          encoding.writeVarUint(encoder, 2) // update
          encoding.writeVarUint8Array(encoder, Uint8Array.from([255, 255, 255, 255, 1, 2, 3, 0, 9]))
          raw.send(encoding.toUint8Array(encoder))
        })
        raw.on('close', (c) => {
          clearTimeout(timer)
          resolve(c)
        })
        raw.on('error', () => {})
      })
      expect(code).toBe(BoardCloseCode.INVALID_MESSAGE)
      phone.put(phone.card({ id: 'after-garbage-1', text: 'Geht noch' }))
      await phone.saved()
      const other = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
      try {
        await other.synced()
        expect(other.cards().map((c) => c.text)).toEqual(['Geht noch'])
      } finally {
        other.destroy()
      }
    } finally {
      phone.destroy()
    }
  })
})

describe('the write rules of board sockets', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  const clients: BoardClient[] = []
  const open = <C extends BoardClient>(c: C) => (clients.push(c), c)

  beforeAll(async () => {
    data = await tempDataDir('projector')
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await running?.close()
  })
  afterAll(async () => {
    await data?.remove()
  })

  it('closes a projector that writes a card with 4403 and keeps its card off the board, also after a restart', async () => {
    running = await startServer(data.dir)
    const { cafe, table } = await startedEvent(running.url, 'Beamer-Test', ['Arbeitsmarktintegration'])

    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    const closed = new Promise<{ code: number }>((resolve) => projector.provider.once('closed', (e: { code: number }) => resolve(e)))
    projector.put(aCard({ id: 'beamer-card-1', text: 'Vom Beamer geschrieben' }))
    await expect(closed).resolves.toMatchObject({ code: BoardCloseCode.FORBIDDEN })

    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(phone.card({ id: 'phone-card-1', text: 'Vom Handy geschrieben' }))
    await phone.saved()
    expect(phone.cards().map((c) => c.text)).toEqual(['Vom Handy geschrieben'])

    for (const c of clients.splice(0)) c.destroy()
    await running.close()
    running = await startServer(data.dir)
    const after = open(connectBoard(running.url, cafe.event.id, table, phone.token))
    await after.synced()
    expect(after.cards().map((c) => c.text)).toEqual(['Vom Handy geschrieben'])
  })

  it('keeps a projector connected when it reconnects to a board that only gained cards', async () => {
    running = await startServer(data.dir)
    const { cafe, table } = await startedEvent(running.url, 'Beamer-Wiederverbindung ohne Änderung', ['Sprache'])
    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(phone.card({ id: 'plain-card-1', text: 'Nur hinzugefügt' }))
    await phone.saved()

    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    await projector.waitForCard('plain-card-1')
    projector.provider.disconnect()
    projector.provider.connect()
    await projector.synced()
    phone.put(phone.card({ id: 'after-blip-2', text: 'Nach der Unterbrechung', position: 2 }))
    await waitFor(() => projector.closeCodes.length > 0 || projector.cards().some((c) => c.id === 'after-blip-2'), 'the new card or a close', 3000)
    expect(projector.closeCodes).toEqual([])
    expect(projector.cards().map((c) => c.text)).toEqual(['Nur hinzugefügt', 'Nach der Unterbrechung'])
  })

  it('keeps a projector connected when it reconnects to a board on which a card was edited', async () => {
    running = await startServer(data.dir)
    const { cafe, table } = await startedEvent(running.url, 'Beamer-Wiederverbindung', ['Digitalisierung'])
    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(phone.card({ id: 'edited-card-1', text: 'Erste Fassung' }))
    phone.put(phone.card({ id: 'edited-card-1', text: 'Zweite Fassung' }))
    await phone.saved()

    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    expect((await projector.waitForCard('edited-card-1')).text).toBe('Zweite Fassung')

    // A wifi blip: the projector's socket drops and comes back.
    projector.provider.disconnect()
    projector.provider.connect()
    await projector.synced()
    phone.put(phone.card({ id: 'after-blip-1', text: 'Nach der Unterbrechung', position: 2 }))
    await waitFor(() => projector.closeCodes.length > 0 || projector.cards().some((c) => c.id === 'after-blip-1'), 'the new card or a close', 3000)
    expect(projector.closeCodes).toEqual([])
    expect(projector.cards().map((c) => c.text)).toEqual(['Zweite Fassung', 'Nach der Unterbrechung'])
  })

  it("closes a phone that changes another participant's card, and the card stays as its author wrote it", async () => {
    running = await startServer(data.dir)
    const { cafe, table } = await startedEvent(running.url, 'Fremde Karten', ['Arbeitsmarktintegration'])
    const anna = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    const mallory = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await Promise.all([anna.synced(), mallory.synced()])
    anna.put(anna.card({ id: 'annas-card-1', text: 'Von Anna' }))
    await anna.saved()
    await mallory.waitForCard('annas-card-1')

    mallory.put({ ...(await mallory.waitForCard('annas-card-1')), text: 'Von Mallory überschrieben' })
    await waitFor(() => mallory.closeCodes.length > 0, 'the server to close the phone')
    expect(mallory.closeCodes).toEqual([BoardCloseCode.INVALID_MESSAGE])
    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    expect(projector.cards().map((c) => c.text)).toEqual(['Von Anna'])
    expect(anna.cards().map((c) => c.text)).toEqual(['Von Anna'])
  })

  it('closes a phone that writes a card in someone else\'s name', async () => {
    running = await startServer(data.dir)
    const { cafe, table } = await startedEvent(running.url, 'Falscher Name', ['Arbeitsmarktintegration'])
    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(aCard({ id: 'not-my-name-1', text: 'Angeblich von jemand anderem', authorId: 'someone-else-123' }))
    await waitFor(() => phone.closeCodes.length > 0, 'the server to close the phone')
    expect(phone.closeCodes).toEqual([BoardCloseCode.INVALID_MESSAGE])
    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    expect(projector.cards()).toEqual([])
  })

  it('refuses a card for a station that has not opened yet, tells the phone, and keeps it off the board', async () => {
    running = await startServer(data.dir)
    const cafe = await createEvent(running.url, { title: 'Noch nicht begonnen', tableNames: ['Arbeitsmarktintegration'] })
    const table = cafe.event.tables[0]!.id
    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(phone.card({ id: 'too-early-1', text: 'Vor dem Start' }))
    await waitFor(() => phone.refusals.length > 0, 'the refusal')
    // The server takes the update and undoes the card in one go: the phone stays connected and
    // its own copy of the card disappears (the banner shows its text to copy).
    await waitFor(() => phone.cards().length === 0, 'the card removed on the phone')
    expect({ refusals: phone.refusals, closeCodes: phone.closeCodes }).toEqual({ refusals: [WriteRefusal.STATION_CLOSED], closeCodes: [] })
    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    expect(projector.cards()).toEqual([])
  })

  it('lets a phone whose early card was refused write normally once the facilitator opens the station', async () => {
    running = await startServer(data.dir)
    const cafe = await createEvent(running.url, { title: 'Offline geschrieben', tableNames: ['Arbeitsmarktintegration'] })
    const table = cafe.event.tables[0]!.id
    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(phone.card({ id: 'early-bird-1', text: 'Schon vorher notiert' }))
    await waitFor(() => phone.refusals.length > 0, 'the refusal')

    await advanceRounds(running.url, cafe.facilitatorToken)
    phone.put(phone.card({ id: 'on-time-01', text: 'Jetzt geht es los' }))
    await phone.saved()
    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    expect(projector.cards().map((c) => c.text)).toEqual(['Jetzt geht es los'])
  })

  it('still stores the next card for the open station after a card for a locked station was refused', async () => {
    running = await startServer(data.dir)
    const { cafe, table } = await startedEvent(running.url, 'Gesperrte Station', ['Arbeitsmarktintegration'])
    // Station 1 was open and is now over: the facilitator moved on to Station 2 and Station 1 locked.
    await advanceRounds(running.url, cafe.facilitatorToken)
    await lockStation(running.url, cafe.facilitatorToken, 'station-1')
    const phone = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await phone.synced()
    phone.put(phone.card({ id: 'late-for-one', text: 'Zu spät für Station 1', stationId: 'station-1' }))
    await waitFor(() => phone.refusals.length > 0, 'the refusal')

    phone.put(phone.card({ id: 'fine-for-two', text: 'Für Station 2', stationId: 'station-2', columnId: 'ziele' }))
    // Another phone, which had nothing refused, writes to Station 2 at the same time.
    const other = open(await connectPhone(running.url, cafe.event.id, table, cafe.joinCode))
    await other.synced()
    other.put(other.card({ id: 'other-for-two', text: 'Von einem anderen Handy', stationId: 'station-2', columnId: 'ziele', position: 2 }))
    await other.saved()

    const projector = open(connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    await projector.synced()
    await waitFor(() => projector.cards().some((c) => c.id === 'fine-for-two'), 'the Station 2 card on the projector', 3000).catch(() => {})
    expect(projector.cards().map((c) => c.text)).toEqual(['Für Station 2', 'Von einem anderen Handy'])
  })
})

describe('a malformed board address', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  beforeAll(async () => {
    data = await tempDataDir('malformed')
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  it('is refused and the server keeps serving', async () => {
    const child = await startChildServer(data.dir)
    const outcome = await tryUpgrade(child.url, '/yjs/board.%E0%A4%A.tisch?token=x').catch((e: Error) => ({ error: e.message }))
    expect(outcome).toMatchObject({ opened: false, messages: 0 })
    const health = await api<{ ok: boolean }>(child.url, '/healthz').catch((e: Error) => ({ status: 0, body: { error: String(e.cause ?? e) } }))
    const crash = child.stderr().split('\n').find((l) => /Error/.test(l)) ?? null
    expect({ health, crash }).toEqual({ health: { status: 200, body: { ok: true, storageFailing: 0 } }, crash: null })
    await child.stop('SIGTERM')
  })
})
