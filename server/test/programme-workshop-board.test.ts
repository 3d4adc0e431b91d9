import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WORKSHOP_STATION_ID, eventExportSchema, workshopBoardDocName } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { type BoardClient, connectDoc } from './helpers/board-client.js'
import { adminKeyOf, api, join, tokenOfLink } from './helpers/api.js'
import { docxParts, pdfText } from '../src/export/read-back.js'
import { renderEvent } from '../src/export/export-service.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'
import { advanceRounds } from './helpers/rounds.js'
import { controlSockets, eventWithWorkshopDay, upgradeStatus, workshopDay } from './helpers/workshop-day.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets = controlSockets()
const clients: BoardClient[] = []

beforeEach(async () => {
  data = await tempDataDir('programme-workshop-board')
})
afterEach(async () => {
  sockets.closeAll()
  for (const c of clients.splice(0)) c.destroy()
  await running?.close()
  running = undefined
  await data.remove()
})

const DAY = workshopDay({ ws1: { speakers: ['Ute Beispiel'] } })

describe("a workshop's own board", () => {
  it('opens for those who booked the workshop and the facilitators; others, hosts and unknown workshops are refused', async () => {
    running = await startServer(data.dir)
    const { event } = await eventWithWorkshopDay(running.url, sockets, { tableNames: ['Bildung'], day: DAY })
    const anna = await join(running.url, event.joinCode)
    const ben = await join(running.url, event.joinCode)
    expect(await (await sockets.connect(running.url, anna.token))('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: true } })
    expect(await (await sockets.connect(running.url, ben.token))('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-2' })).toMatchObject({ ok: true, data: { booked: true } })
    const board = workshopBoardDocName(event.event.id, 'ws-1')

    // Anna (booked) writes a card; the facilitator sees it and may change any card.
    const annaBoard = connectDoc(running.url, board, anna.token)
    const facilitator = connectDoc(running.url, board, event.facilitatorToken)
    clients.push(annaBoard, facilitator)
    await Promise.all([annaBoard.synced(), facilitator.synced()])
    const card = aCard({ authorId: anna.participantId, stationId: WORKSHOP_STATION_ID, columnId: 'ergebnisse', text: 'Eine Anlaufstelle für alle Ämter' })
    annaBoard.put(card)
    await annaBoard.saved()
    expect((await facilitator.waitForCard(card.id)).text).toBe('Eine Anlaufstelle für alle Ämter')
    facilitator.put({ ...card, text: 'Eine Anlaufstelle für alle Ämter (zusammengefasst)' })
    await facilitator.saved()
    await waitFor(() => annaBoard.cards()[0]?.text.endsWith('(zusammengefasst)') || undefined, "the facilitator's edit on Anna's phone")

    // Ben booked workshop 2: workshop 1's board stays closed to him; no doc for an unknown workshop.
    expect(await upgradeStatus(running.url, board, ben.token)).toBe(403)
    expect(await upgradeStatus(running.url, workshopBoardDocName(event.event.id, 'ws-2'), ben.token)).toBe(101)
    expect(await upgradeStatus(running.url, workshopBoardDocName(event.event.id, 'ws-9'), event.facilitatorToken)).toBe(404)
    const hostLink = Object.values(event.links.hosts)[0]!
    expect(await upgradeStatus(running.url, board, tokenOfLink(hostLink))).toBe(403)

    // A card in a column the workshop board does not have is refused (and closes the sender).
    const stray = aCard({ authorId: anna.participantId, stationId: WORKSHOP_STATION_ID, columnId: 'irgendwas', text: 'x' })
    annaBoard.put(stray)
    await waitFor(() => annaBoard.closeCodes.length > 0 || undefined, 'the server to refuse the stray card')

    // After a restart the card is still there, and Anna's board opens again (her booking is read from the store).
    await running.close()
    running = await startServer(data.dir)
    const again = connectDoc(running.url, board, anna.token)
    clients.push(again)
    await again.synced()
    expect(again.cards().map((c) => c.text)).toEqual(['Eine Anlaufstelle für alle Ämter (zusammengefasst)'])
  })

  it('keeps the sign-up lists as the day left them once the facilitator ends the event', async () => {
    running = await startServer(data.dir)
    const { event } = await eventWithWorkshopDay(running.url, sockets, { tableNames: ['Bildung'], day: DAY })
    const anna = await sockets.connect(running.url, (await join(running.url, event.joinCode)).token)
    const ben = await sockets.connect(running.url, (await join(running.url, event.joinCode)).token)
    expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: true } })
    // "Veranstaltung beenden": past the three stations and the review.
    expect((await advanceRounds(running.url, event.facilitatorToken, 5)).phase).toBe('closed')
    // Neither a new sign-up, nor a change, nor taking one back: each is answered, and nothing moves.
    for (const [who, workshopId] of [[ben, 'ws-2'], [anna, 'ws-2'], [anna, null]] as const)
      expect(await who('programme:choose', { phaseId: 'phase-1', workshopId })).toMatchObject({ ok: true, data: { booked: false, reason: 'DAY_CLOSED', alternatives: [] } })
    expect(await anna('programme:get', {})).toMatchObject({ ok: true, data: { counts: { 'ws-1': 1 }, mine: { choices: { 'phase-1': 'ws-1' } } } })
    expect(((await anna('programme:get', {})).data as { counts: Record<string, number> }).counts['ws-2'] ?? 0).toBe(0)
  })

  it('ends a day of workshops alone with one command ("Veranstaltung beenden"), and opens it again one step back', async () => {
    running = await startServer(data.dir)
    const { event, facilitator } = await eventWithWorkshopDay(running.url, sockets, { tableNames: [], day: DAY })
    const anna = await sockets.connect(running.url, (await join(running.url, event.joinCode)).token)
    expect(await anna('round:end', { expectedVersion: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await facilitator('round:end', { expectedVersion: 0 })).toMatchObject({ ok: true })
    expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: false, reason: 'DAY_CLOSED' } })
    // Ended twice (a second tab): refused, nothing changes.
    expect(await facilitator('round:end', { expectedVersion: 1 })).toMatchObject({ ok: false })
    expect(await facilitator('round:back', { expectedVersion: 1 })).toMatchObject({ ok: true })
    expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: true } })
  })

  it('refuses a display name with control or format characters on the sign-up list', async () => {
    running = await startServer(data.dir)
    const { event } = await eventWithWorkshopDay(running.url, sockets, { tableNames: ['Bildung'], day: DAY })
    const anna = await sockets.connect(running.url, (await join(running.url, event.joinCode)).token)
    for (const displayName of ['Ctrl\u0000\u001b[2J', '\u202eexe.txt Anna', 'Zeile\nZwei', 'halb\ud800'])
      expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1', displayName })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
    expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1', displayName: 'Zoë Ünal' })).toMatchObject({ ok: true, data: { booked: true, mine: { displayName: 'Zoë Ünal' } } })
  })

  it("puts a workshop's results in the documentation under the workshop, and carries them through the event file", async () => {
    running = await startServer(data.dir)
    const { event } = await eventWithWorkshopDay(running.url, sockets, { tableNames: ['Bildung'], day: DAY })
    const facilitator = connectDoc(running.url, workshopBoardDocName(event.event.id, 'ws-1'), event.facilitatorToken)
    clients.push(facilitator)
    await facilitator.synced()
    facilitator.put(aCard({ authorId: 'moderation', stationId: WORKSHOP_STATION_ID, id: 'card-ws-0001', columnId: 'ergebnisse', text: 'Eine Anlaufstelle für alle Ämter', position: 1 }))
    facilitator.put(aCard({ authorId: 'moderation', stationId: WORKSHOP_STATION_ID, id: 'card-ws-0002', columnId: 'offene-fragen', text: 'Wer bezahlt die Koordination?', position: 2 }))
    await facilitator.saved()

    const get = (format: string, id = event.event.id, token = event.facilitatorToken) => fetch(`${running!.url}/api/events/${id}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } })
    // Markdown: the workshop's chapter after the tables, its columns and cards under it; workshop 2 (no cards) has none.
    const md = await (await get('md')).text()
    const chapter = md.slice(md.indexOf('## Workshop 1: Kommunale Angebote unter einem Dach'))
    expect(md).toContain('Workshop 1: Kommunale Angebote unter einem Dach')
    expect(chapter).toMatch(/Arbeitsphase I – Mit Ute Beispiel[\s\S]*Ergebnisse[\s\S]*Eine Anlaufstelle für alle Ämter[\s\S]*Offene Fragen[\s\S]*Wer bezahlt die Koordination\?/)
    // Workshop 2 stands in the agenda only: no chapter of its own.
    expect(md).not.toMatch(/^## Workshop 2: Ein kreisweites Integrationskonzept/m)
    expect(md).toContain('Workshop 2: Ein kreisweites Integrationskonzept')

    // A day with a theme table and workshops: its spreadsheet names both.
    const csv = await get('csv')
    expect(csv.headers.get('content-disposition')).toContain('Alle-Tische-und-Workshops.csv')
    expect((await csv.text()).split('\r\n')[0]).toBe('ID;Thementisch oder Workshop;Station oder Arbeitsphase;Spalte;Nr.;Gehört zu ID;Gliederung;Text')

    // PDF and DOCX: the same chapter.
    const file = eventExportSchema.parse(await (await get('json')).json())
    expect(file.workshopBoards).toEqual([
      {
        workshopId: 'ws-1',
        columns: [
          { columnId: 'ergebnisse', cards: [{ text: 'Eine Anlaufstelle für alle Ämter', subPoints: [] }] },
          { columnId: 'offene-fragen', cards: [{ text: 'Wer bezahlt die Koordination?', subPoints: [] }] },
        ],
      },
    ])
    const pdf = await pdfText((await renderEvent(file, 'pdf')).bytes)
    expect(pdf).toContain('Workshop 1: Kommunale Angebote unter einem Dach')
    expect(pdf).toContain('Wer bezahlt die Koordination?')
    const docx = docxParts((await renderEvent(file, 'docx')).bytes)['word/document.xml']!
    expect(docx).toContain('Workshop 1: Kommunale Angebote unter einem Dach')
    expect(docx).toContain('Eine Anlaufstelle für alle Ämter')

    // The event file imports with the workshop's results on its board.
    const imported = await api<{ id: string }>(running.url, '/api/events/import', { body: file, token: adminKeyOf(running.url) })
    expect(imported.status).toBe(201)
    const importedToken = running.server.events.issue((await running.server.events.get(imported.body.id))!, 'facilitator')
    const copy = eventExportSchema.parse(await (await get('json', imported.body.id, importedToken)).json())
    expect(copy.workshopBoards).toEqual(file.workshopBoards)
  })

  it('names the rows of a day of workshops alone after its workshops and work phases, and lists the workshops that wrote nothing', async () => {
    running = await startServer(data.dir)
    // Workshop 1 with a subtitle, as every Köln workshop has one (its chapter's heading carries it).
    const day = workshopDay({ ws1: { speakers: ['Ute Beispiel'], subtitle: 'Erfahrungen aus drei Kreisen' } })
    const { event } = await eventWithWorkshopDay(running.url, sockets, { day })
    const get = (format: string) => fetch(`${running!.url}/api/events/${event.event.id}/export?format=${format}`, { headers: { authorization: `Bearer ${event.facilitatorToken}` } })
    // Before any card: the spreadsheet already speaks of workshops.
    const empty = await get('csv')
    expect(empty.headers.get('content-disposition')).toContain('Alle-Workshops.csv')
    expect((await empty.text()).split('\r\n')[0]).toBe('ID;Workshop;Arbeitsphase;Spalte;Nr.;Gehört zu ID;Gliederung;Text')

    const facilitator = connectDoc(running.url, workshopBoardDocName(event.event.id, 'ws-1'), event.facilitatorToken)
    clients.push(facilitator)
    await facilitator.synced()
    facilitator.put(aCard({ authorId: 'moderation', stationId: WORKSHOP_STATION_ID, id: 'card-ws-0001', columnId: 'ergebnisse', text: 'Eine Anlaufstelle für alle Ämter', position: 1 }))
    await facilitator.saved()
    const rows = (await (await get('csv')).text()).split('\r\n')
    // The phase column names the phase alone (the speakers split one phase into as many values as workshops).
    expect(rows[1]).toBe('1;Workshop 1: Kommunale Angebote unter einem Dach – Erfahrungen aus drei Kreisen;Arbeitsphase I;Ergebnisse;;;1;Eine Anlaufstelle für alle Ämter')
    // The method page names the workshop without a chapter, rather than leaving it out silently, and
    // counts the cards of the one with a chapter (its heading has the subtitle; it read "keine Karten").
    const md = await (await get('md')).text()
    expect(md).toMatch(/Workshop 2: Ein kreisweites Integrationskonzept \(keine Karten\)/)
    expect(md).not.toMatch(/Workshop 1: Kommunale Angebote unter einem Dach \(keine Karten\)/)
    expect(md).toContain('- Arbeitsphase I: 11:30 – 13:00 Uhr (1 Karte)')
    const xlsx = await get('xlsx')
    expect(xlsx.headers.get('content-disposition')).toContain('Alle-Workshops.xlsx')
  })
})
