import { type Socket, io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type CreateEventResponse, type CredentialInfo, type PublicEventView, WIRE_VERSION, boardDocName, editCard, putCard } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import path from 'node:path'
import * as Y from 'yjs'
import { openFileBoardStore } from '../src/storage/file-board-store.js'
import { api, createEvent, tokenOfLink } from './helpers/api.js'
import { connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor, within } from './helpers/wait.js'

/** A control-plane socket as a screen opens it; records every event:state. */
async function controlSocket(url: string, token: string) {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  const states: PublicEventView[] = []
  socket.on('event:state', (view: PublicEventView) => states.push(view))
  await within(new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject))), 'control socket')
  await waitFor(() => states.at(-1), 'the first event:state')
  return { socket, states, send: (name: string, payload: unknown) => within(socket.emitWithAck(name, payload) as Promise<Ack>, `ack of ${name}`) }
}

describe('table hosts and display names', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let created: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('hosts')
    running = await startServer(data.dir)
    created = await createEvent(running.url, { title: 'Café mit Gastgebern', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, created.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('gives every table a host link that opens as that table’s scribe', async () => {
    const link = created.links.hosts.sprache!
    expect(link).toMatch(new RegExp(`^/j/${created.joinCode}\\?tisch=sprache#k=`))
    const { status, body } = await api<CredentialInfo>(running.url, '/api/credential', { token: tokenOfLink(link) })
    expect(status).toBe(200)
    expect(body).toMatchObject({ eventId: created.event.id, role: 'host', tableId: 'sprache', joinCode: created.joinCode })
    expect(body.participantId).toMatch(/^host-/)
    expect((await api(running.url, '/api/credential', { token: 'forged.token' })).status).toBe(401)
    // A participant's credential does not tell the code (a renewed one would reach whoever joined with the old).
    const participant = await api<{ token: string }>(running.url, '/api/join', { body: { code: created.joinCode } })
    const info = await api<CredentialInfo>(running.url, '/api/credential', { token: participant.body.token })
    expect(info.body).toMatchObject({ eventId: created.event.id, role: 'participant', joinCode: null })
  })

  it('lets a host write for the table and correct a participant’s card, but never change its name', async () => {
    const hostToken = tokenOfLink(created.links.hosts.sprache!)
    const hostId = (await api<CredentialInfo>(running.url, '/api/credential', { token: hostToken })).body.participantId!
    const phone = await connectPhone(running.url, created.event.id, 'sprache', created.joinCode)
    const host = connectBoard(running.url, created.event.id, 'sprache', hostToken)
    const facilitator = await controlSocket(running.url, created.facilitatorToken)
    // Names on: a card carries its name only while they are shown.
    expect(await facilitator.send('event:display', { showNames: true })).toEqual({ ok: true })
    try {
      await Promise.all([phone.synced(), host.synced()])
      const anna = phone.card({ id: 'card-anna-001', text: 'Sprachkurse mit Kinderbetreuung', authorName: 'Anna' })
      phone.put(anna)
      await phone.saved()
      await host.waitForCard(anna.id)

      host.put(aCard({ id: 'card-host-001', authorId: hostId, text: 'Für den Tisch notiert: mehr Ehrenamt' }))
      editCard(host.doc, anna.id, { text: 'Sprachkurse mit Kinderbetreuung vor Ort' })
      await host.saved().catch((e: unknown) => {
        throw new Error(`${String(e)} host closes ${host.closeCodes.join()} refusals ${host.refusals.join()}`)
      })
      await phone.waitForCard('card-host-001')
      const corrected = await waitFor(() => phone.cards().find((c) => c.id === anna.id && c.text.endsWith('vor Ort')), 'the host’s correction on the phone')
      expect(corrected.authorName).toBe('Anna')

      // Renaming someone else's card is refused; the socket is closed and nothing changes.
      host.put({ ...corrected, authorName: 'Bernd' })
      await waitFor(() => host.closeCodes.length > 0, 'the server to close the host socket')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(phone.cards().find((c) => c.id === anna.id)?.authorName).toBe('Anna')
    } finally {
      expect(await facilitator.send('event:display', { showNames: false })).toEqual({ ok: true })
      facilitator.socket.disconnect()
      phone.destroy()
      host.destroy()
    }
  })

  it('keeps a host link to its own table', async () => {
    const hostToken = tokenOfLink(created.links.hosts.sprache!)
    const other = connectBoard(running.url, created.event.id, 'arbeit', hostToken)
    try {
      await waitFor(() => other.provider.wsconnected === false && (other.closeCodes.length > 0 || other.provider.wsUnsuccessfulReconnects > 0), 'the other table to refuse the host')
      expect(other.cards()).toEqual([])
      expect(other.provider.synced).toBe(false)
    } finally {
      other.destroy()
    }
  })

  it('shows names only when the facilitator turns them on, and only the facilitator can', async () => {
    const phone = await connectPhone(running.url, created.event.id, 'arbeit', created.joinCode)
    phone.destroy()
    const participant = await controlSocket(running.url, phone.token)
    const facilitator = await controlSocket(running.url, created.facilitatorToken)
    try {
      expect(participant.states.at(-1)!.event.showNames).toBe(false)
      expect(await participant.send('event:display', { showNames: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await facilitator.send('event:display', { showNames: 'yes' })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
      expect(await facilitator.send('event:display', { showNames: true })).toEqual({ ok: true })
      await waitFor(() => participant.states.at(-1)!.event.showNames === true || undefined, 'the phone to hear that names are shown')
      // Saving the setup keeps the choice.
      const { id: _id, showNames: _shown, ...setup } = participant.states.at(-1)!.event
      expect(await facilitator.send('event:update', { setup: { ...setup, place: 'Bürgerhaus' } })).toEqual({ ok: true })
      await waitFor(() => participant.states.at(-1)!.event.place === 'Bürgerhaus' || undefined, 'the new place')
      expect(participant.states.at(-1)!.event.showNames).toBe(true)
    } finally {
      participant.socket.disconnect()
      facilitator.socket.disconnect()
    }
  })

  it('keeps names out of every phone\'s and projector\'s copy of the board while names are off', async () => {
    const facilitator = await controlSocket(running.url, created.facilitatorToken)
    const anna = await connectPhone(running.url, created.event.id, 'arbeit', created.joinCode)
    const ben = await connectPhone(running.url, created.event.id, 'arbeit', created.joinCode)
    const named = (doc: Y.Doc, name: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(name)
    try {
      await Promise.all([anna.synced(), ben.synced()])
      expect(await facilitator.send('event:display', { showNames: true })).toEqual({ ok: true })
      const shown = anna.card({ id: 'card-anna-named', text: 'Mentoring für Berufseinsteiger', authorName: 'Anna Quelle' })
      anna.put(shown)
      await anna.saved()
      expect((await waitFor(() => ben.cards().find((c) => c.id === shown.id), 'Anna’s card on Ben’s phone')).authorName).toBe('Anna Quelle')

      // Off: the name leaves Ben's copy (not only his screen), and a projector opened afterwards never gets it.
      expect(await facilitator.send('event:display', { showNames: false })).toEqual({ ok: true })
      await waitFor(() => (ben.cards().find((c) => c.id === shown.id)?.authorName === undefined ? true : undefined), 'the name to leave Ben’s copy')
      expect(ben.cards().find((c) => c.id === shown.id)?.text).toBe('Mentoring für Berufseinsteiger')
      const projector = connectBoard(running.url, created.event.id, 'arbeit', tokenOfLink(created.links.projector))
      try {
        await projector.waitForCard(shown.id)
        expect(named(projector.doc, 'Anna Quelle')).toBe(false)
      } finally {
        projector.destroy()
      }

      // A card that still carries a name (typed offline while names were shown) is stored without it,
      // and no byte of the name reaches Ben's phone (not even as the part of an update the server overwrote).
      const heard: Buffer[] = []
      ben.provider.ws!.addEventListener('message', (event: MessageEvent) => heard.push(Buffer.from(event.data as ArrayBuffer)))
      const late = anna.card({ id: 'card-anna-late', text: 'Sprechstunde im Rathaus', authorName: 'Anna Quelle' })
      anna.put(late)
      await anna.saved()
      await waitFor(() => (ben.cards().find((c) => c.id === late.id && c.authorName === undefined) ? true : undefined), 'the late card on Ben’s phone, without the name')
      expect(anna.cards().find((c) => c.id === late.id)?.authorName).toBeUndefined()
      expect(heard.some((frame) => frame.includes('Sprechstunde im Rathaus'))).toBe(true)
      expect(heard.some((frame) => frame.includes('Anna Quelle'))).toBe(false)
    } finally {
      facilitator.socket.disconnect()
      anna.destroy()
      ben.destroy()
    }
  })
})

describe('names an older version kept on the cards', () => {
  it('are taken off a board before any screen gets it, while names are off (checked over a restart)', async () => {
    const data = await tempDataDir('old-names')
    let running: RunningServer | undefined = await startServer(data.dir)
    try {
      const created = await createEvent(running.url, { title: 'Altbestand', tableNames: ['Sprache'] })
      await running.close()
      running = undefined
      // A card as an older version stored it: with its writer's name, though names were off.
      const boards = await openFileBoardStore(path.join(data.dir, 'boards'))
      const old = new Y.Doc()
      putCard(old, aCard({ id: 'card-old-0001', text: 'Sprachkurse am Abend', authorId: 'p-old-000001', authorName: 'Anna Altbestand' }))
      await boards.append(boardDocName(created.event.id, 'sprache'), [Y.encodeStateAsUpdate(old)])
      await boards.close()

      running = await startServer(data.dir)
      const projector = connectBoard(running.url, created.event.id, 'sprache', tokenOfLink(created.links.projector))
      try {
        const card = await projector.waitForCard('card-old-0001')
        expect(card.text).toBe('Sprachkurse am Abend')
        expect(card.authorName).toBeUndefined()
        expect(Buffer.from(Y.encodeStateAsUpdate(projector.doc)).includes('Anna Altbestand')).toBe(false)
      } finally {
        projector.destroy()
      }
    } finally {
      await running?.close()
      await data.remove()
    }
  })
})
