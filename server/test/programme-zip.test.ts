import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { createEvent, join } from './helpers/api.js'
import { pdfText } from '../src/export/read-back.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { controlSockets, eventWithWorkshopDay, workshopDay } from './helpers/workshop-day.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets = controlSockets()

beforeEach(async () => {
  data = await tempDataDir('programme-zip')
})
afterEach(async () => {
  sockets.closeAll()
  await running?.close()
  running = undefined
  await data.remove()
})

const zipOf = async (eventId: string, token: string) => {
  const res = await fetch(`${running!.url}/api/events/${eventId}/export.zip`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return unzipSync(new Uint8Array(await res.arrayBuffer()))
}
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe("the ZIP of a day with a programme", () => {
  it('carries the handout and the sign-up lists in a folder "Programm", and its guide says the lists are not for publishing', async () => {
    running = await startServer(data.dir)
    const { event } = await eventWithWorkshopDay(running.url, sockets, { day: workshopDay({ ws1: { speakers: ['Ute Beispiel'] } }) })
    const anna = await sockets.connect(running.url, (await join(running.url, event.joinCode)).token)
    expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1', displayName: 'Anna Beispiel' })).toMatchObject({ ok: true, data: { booked: true } })

    const files = await zipOf(event.event.id, event.facilitatorToken)
    const folder = Object.keys(files).filter((n) => n.startsWith('Programm/'))
    expect(folder.map((n) => n.replace(/^Programm\/[^_]+_[\d-]+_/, ''))).toEqual(['Programm.pdf', 'Programm.docx', 'Anmeldestand.csv', 'Anmeldelisten.csv'])
    const handout = await pdfText(files[folder[0]!]!)
    expect(handout).toContain('Kommunale Angebote unter einem Dach')
    expect(handout).toContain('Ute Beispiel')
    const lists = text(files[folder[3]!])
    expect(lists).toContain('Anna Beispiel')
    expect(lists).toMatch(/Kommunale Angebote unter einem Dach/)
    expect(text(files[folder[2]!])).toMatch(/Kommunale Angebote unter einem Dach;[^\r\n]*;1;/)
    // A day of workshops alone: its rows file is named after them.
    expect(Object.keys(files).some((n) => n.endsWith('_Alle-Workshops.csv'))).toBe(true)
    const guide = text(files['LIESMICH.txt'])
    expect(guide).toContain('Tagesprogramm (Ordner Programm/):')
    expect(guide).toMatch(/Anmeldelisten\.csv\s+Anmeldelisten: [^\r\n]*Nur für die Organisation, nicht zum Veröffentlichen\./)
    expect(guide).toContain('Spalten der Tabellen der Workshops (CSV und XLSX):')
    expect(guide).not.toContain('Thementisch')
  })

  it('has no programme folder for a World Café without a programme', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Café', tableNames: ['Bildung'] })
    const files = await zipOf(event.event.id, event.facilitatorToken)
    expect(Object.keys(files).filter((n) => n.startsWith('Programm/'))).toEqual([])
    expect(text(files['LIESMICH.txt'])).not.toContain('Tagesprogramm')
    expect(text(files['LIESMICH.txt'])).toContain('Spalten der Tabellen der Thementische (CSV und XLSX):')
  })
})
