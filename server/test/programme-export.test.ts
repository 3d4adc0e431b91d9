import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, WIRE_VERSION } from '@tischrunde/shared'
import { koelnProgramme } from '@tischrunde/fixtures'
import { docxParts, pdfText, readPdfStructure, readingOrder } from '../src/export/read-back.js'
import { adminKeyOf, api, createEvent, join } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets: Socket[] = []
beforeEach(async () => {
  data = await tempDataDir('programme-export')
})
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await running?.close()
  running = undefined
  await data.remove()
})

async function connect(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return (name: string, payload: unknown) => socket.emitWithAck(name, payload) as Promise<Ack>
}

const download = (url: string, path: string, token?: string) => fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('the programme downloads', () => {
  it('give the handout as PDF and DOCX, the counts per workshop and the sign-up lists with names where given, "(ohne Namen)" elsewhere', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum Köln', tableNames: [], date: '2018-06-19' })
    const console_ = await connect(running.url, event.facilitatorToken)
    expect(await console_('programme:save', { programme: koelnProgramme(), expectedVersion: null })).toMatchObject({ ok: true })
    const anna = await connect(running.url, (await join(running.url, event.joinCode)).token)
    const anonymous = await connect(running.url, (await join(running.url, event.joinCode)).token)
    await anna('programme:choose', { phaseId: 'arbeitsphase-i', workshopId: 'workshop-5', displayName: '=Anna Beispiel' })
    await anonymous('programme:choose', { phaseId: 'arbeitsphase-i', workshopId: 'workshop-5' })

    const base = `/api/events/${event.event.id}`
    expect((await download(running.url, `${base}/programme.pdf`)).status).toBe(401)
    const participant = (await join(running.url, event.joinCode)).token
    expect((await download(running.url, `${base}/programme.pdf`, participant)).status).toBe(403)

    const pdf = await download(running.url, `${base}/programme.pdf`, event.facilitatorToken)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-disposition')).toContain('Programm.pdf')
    const pdfBytes = Buffer.from(await pdf.arrayBuffer())
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-')
    const printed = (await pdfText(new Uint8Array(pdfBytes))).replace(/\s+/g, ' ')
    expect(printed).toContain('Workshop 5: Von der Schule in den Beruf')
    expect(printed).toContain('14:00 – 15:45 Uhr')
    // The date as people write it, not 2018-06-19.
    expect(printed).toContain('19. Juni 2018')
    expect(printed).not.toContain('2018-06-19')
    // Numbered pages, each "Seite n von N" once, the last naming the count.
    const pages = (await pdfText(new Uint8Array(pdfBytes))).split('\f').filter((p) => p.trim())
    pages.forEach((page, i) => expect(page.replace(/\s+/g, ' ')).toContain(`Seite ${i + 1} von ${pages.length}`))
    // Tagged for screen readers: the title a heading, each item a section with its heading, each workshop one below it, in reading order.
    const structure = await readPdfStructure(new Uint8Array(pdfBytes))
    expect(structure.lang).toBe('de-DE')
    const order = structure.pages.flatMap(readingOrder)
    expect(order[0]).toBe('P: Programm')
    expect(order[1]).toBe('H1: TransferforumKöln')
    const headings = order.filter((e) => /^H[23]:/.test(e))
    expect(headings.filter((e) => e.startsWith('H3: Workshop'))).toHaveLength(10)
    const phase = headings.findIndex((e) => e.startsWith('H2: ArbeitsphaseI'))
    expect(phase).toBeGreaterThan(0)
    expect(headings.findIndex((e) => e.startsWith('H3: Workshop5:VonderSchule'))).toBeGreaterThan(phase)

    const docx = await download(running.url, `${base}/programme.docx`, event.facilitatorToken)
    const xml = docxParts(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!
    for (const n of [1, 5, 10]) expect(xml).toContain(`Workshop ${n}: `)
    expect(xml).toContain('Von der Schule in den Beruf – den Übergang gemeinsam stemmen')
    expect(xml).toContain('11:30 – 13:00 Uhr')
    expect(xml).toContain('19. Juni 2018')
    expect(xml).toContain('Claudia Bollig, Prozessbegleiterin im Programm „Willkommen bei Freunden“')

    const counts = await (await download(running.url, `${base}/programme-counts.csv`, event.facilitatorToken)).text()
    const countLines = counts.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(countLines[0]).toBe('Arbeitsphase;Zeit;Nr.;Workshop;Raum;Plätze;Angemeldet;Anmeldung')
    expect(countLines).toHaveLength(11)
    expect(countLines.find((l) => l.includes(';5;'))).toMatch(/;25;2;offen$/)

    const lists = await (await download(running.url, `${base}/programme-lists.csv`, event.facilitatorToken)).text()
    const listLines = lists.replace(/^\uFEFF/, '').trim().split('\r\n')
    // Every workshop has its rows (a room nobody chose gets its sheet too): two people in workshop 5, nine empty.
    expect(listLines).toHaveLength(12)
    const five = listLines.filter((l) => l.includes(';5;'))
    // A name is printed as text, never as a formula; no ids.
    expect(five[0]).toMatch(/;1;'=Anna Beispiel;selbst$/)
    // Without a name the row says so (the list is printed for the room), and still no id or code.
    expect(five[1]).toMatch(/;2;\(ohne Namen\);selbst$/)
    expect(listLines.filter((l) => l.endsWith(';;(niemand angemeldet);'))).toHaveLength(9)
    // (No id-like token: letters and digits mixed, 16 and more; a long German word is no id.)
    expect(lists).not.toMatch(/(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{16,}/)
  })

  it('renders handouts in the export worker with its limits: many at once from one event are turned away with "try again", not rendered on the main thread', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum Köln', tableNames: [], date: '2018-06-19' })
    const console_ = await connect(running.url, event.facilitatorToken)
    expect(await console_('programme:save', { programme: koelnProgramme(), expectedVersion: null })).toMatchObject({ ok: true })
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => download(running!.url, `/api/events/${event.event.id}/programme.${i % 2 ? 'docx' : 'pdf'}`, event.facilitatorToken)))
    const statuses = answers.map((a) => a.status)
    // One event holds at most three places in the exports' queue: the rest are told to come back.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1)
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3)
    expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true)
    const refused = answers.find((a) => a.status === 429)!
    expect(refused.headers.get('retry-after')).toBe('10')
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', params: { what: 'exports' } })
    // Once they are done, the next one is rendered.
    expect((await download(running.url, `/api/events/${event.event.id}/programme.pdf`, event.facilitatorToken)).status).toBe(200)
  })

  it('carries the programme in the event JSON file, and an import of it has the same programme (sign-ups stay behind)', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum Köln', tableNames: [], date: '2018-06-19' })
    const console_ = await connect(running.url, event.facilitatorToken)
    await console_('programme:save', { programme: koelnProgramme(), expectedVersion: null })
    const anna = await connect(running.url, (await join(running.url, event.joinCode)).token)
    await anna('programme:choose', { phaseId: 'arbeitsphase-i', workshopId: 'workshop-5', displayName: 'Anna' })

    const file = await (await download(running.url, `/api/events/${event.event.id}/export?format=json`, event.facilitatorToken)).json()
    expect(file.programme).toEqual(koelnProgramme())
    expect(JSON.stringify(file)).not.toContain('Anna')
    const imported = await api<{ id: string }>(running.url, '/api/events/import', { body: file, token: adminKeyOf(running.url) })
    expect(imported.status).toBe(201)
    const copy = await running.server.programme.state(imported.body.id)
    expect(copy.programme).toEqual(koelnProgramme())
    expect(copy.counts).toEqual({})
  })
})
