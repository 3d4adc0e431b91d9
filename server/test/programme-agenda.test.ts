import { cp, readFile, readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, type PublicEventView, type ProgrammeInput, type ProgrammeState, type ProgrammeView, WIRE_VERSION } from '@tischrunde/shared'
import { SEED_CLI, killAllChildren, runToEnd } from './helpers/child-server.js'
import { createEvent, join, tokenOfLink } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/** A data folder written by the version before records were stored apart (see its README). */
const V1_DATA = fileURLToPath(new URL('./fixtures/v1-data/', import.meta.url))

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets: Socket[] = []

beforeEach(async () => {
  data = await tempDataDir('programme-agenda')
})
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await running?.close()
  running = undefined
  await killAllChildren()
  await data.remove()
})

type Answer<T> = { ok: true; data: T } | (Ack & { ok: false })

/** A screen of the event over Socket.IO that keeps the programme and event states it was sent. */
async function screen(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  const programmes: ProgrammeState[] = []
  const events: PublicEventView[] = []
  socket.on('programme:state', (s: ProgrammeState) => programmes.push(s))
  socket.on('event:state', (s: PublicEventView) => events.push(s))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  const send = async <T = unknown>(name: string, payload: unknown) => (await socket.emitWithAck(name, payload)) as Answer<T>
  return { send, programme: () => programmes.at(-1), event: () => events.at(-1) }
}

/** Every file of a data folder with its bytes, to see that reading changed none of them. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(`${entry.parentPath}/${entry.name}`, await readFile(`${entry.parentPath}/${entry.name}`, 'utf8'))
  }
  return files
}

describe('the agenda and the programme: one model', () => {
  it('reads the Winnenden event file (an agenda, no programme) as its programme, without writing a byte', async () => {
    const seeded = await runToEnd(SEED_CLI, data.dir, { args: [] })
    expect(seeded, seeded.stderr).toMatchObject({ code: 0 })
    const before = await filesOf(data.dir)
    running = await startServer(data.dir)
    const stored = (await running.server.events.get('winnenden'))!
    const phone = await screen(running.url, (await join(running.url, stored.joinCode)).token)
    const got = await phone.send<ProgrammeView>('programme:get', {})
    expect(got.ok).toBe(true)
    if (!got.ok) return
    // Each agenda line is an item of the day, running until the next begins; nothing is stored yet.
    expect(got.data.version).toBe(0)
    expect(got.data.programme?.date).toBe(stored.event.date)
    expect(got.data.programme?.items.map((i) => [i.start, i.title])).toEqual(stored.event.agenda.map((a) => [a.time, a.title]))
    expect(got.data.programme?.items.find((i) => /Mittag/.test(i.title))?.kind).toBe('break')
    await running.close()
    running = undefined
    expect(await filesOf(data.dir)).toEqual(before)
  })

  it('loads a data folder of store format 1 (no programme, no agenda) unchanged and shows no programme', async () => {
    await cp(V1_DATA, data.dir, { recursive: true })
    const before = await readFile(`${data.dir}/events.json`)
    running = await startServer(data.dir)
    const links = JSON.parse(await readFile(`${V1_DATA}/links.json`, 'utf8')) as { links: { facilitator: string } }
    const console_ = await screen(running.url, tokenOfLink(links.links.facilitator))
    expect(await console_.send('programme:get', {})).toMatchObject({ ok: true, data: { programme: null, version: 0 } })
    await running.close()
    running = undefined
    expect((await readFile(`${data.dir}/events.json`)).equals(before)).toBe(true)
  })

  it('writes the agenda from the saved programme; the setup form no longer changes it; an agenda-only event shows its new lines at once', async () => {
    running = await startServer(data.dir)
    const created = await createEvent(running.url, { title: 'Transferforum', tableNames: ['Bildung'], date: '2018-06-19' })
    const console_ = await screen(running.url, created.facilitatorToken)
    const phone = await screen(running.url, (await join(running.url, created.joinCode)).token)
    await waitFor(() => phone.event(), 'the phone to hear the event')
    const { id: _id, showNames: _shown, ...setup } = phone.event()!.event

    // Without a programme, the setup's agenda is the programme: a new line reaches the phone.
    expect(await console_.send('event:update', { setup: { ...setup, agenda: [{ time: '09:30', title: 'Begrüßung', detail: '' }] } })).toEqual({ ok: true })
    await waitFor(() => phone.programme()?.programme?.items[0]?.title === 'Begrüßung' || undefined, 'the phone to see the agenda line as the programme')

    // A saved programme writes the agenda as its view.
    const day: ProgrammeInput = {
      date: '2018-06-19',
      items: [
        { id: 'ankommen', kind: 'plenary', title: 'Ankommen', start: '09:00', end: '09:30' },
        { id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [{ id: 'ws-1', number: 1, title: 'Eins' }, { id: 'ws-2', number: 2, title: 'Zwei' }] },
      ],
    }
    expect(await console_.send('programme:save', { programme: day, expectedVersion: null })).toEqual({ ok: true, data: { version: 1 } })
    const agenda = [
      { time: '09:00', title: 'Ankommen', detail: '' },
      { time: '11:30', title: 'Arbeitsphase I', detail: 'Workshops 1, 2' },
    ]
    await waitFor(() => JSON.stringify(phone.event()?.event.agenda) === JSON.stringify(agenda) || undefined, 'the phone to see the agenda written from the programme')

    // The form's agenda (an old tab) does not overwrite the programme's lines; the rest of the form is saved.
    expect(await console_.send('event:update', { setup: { ...setup, place: 'KOMED', agenda: [{ time: '08:00', title: 'Alt', detail: '' }] } })).toEqual({ ok: true })
    await waitFor(() => phone.event()?.event.place === 'KOMED' || undefined, 'the new place')
    expect(phone.event()!.event.agenda).toEqual(agenda)
    expect((await running.server.events.get(created.event.id))!.event.agenda).toEqual(agenda)
  })
})
