import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Element } from '@xmldom/xmldom'
import { unzipSync } from 'fflate'
import { WINNENDEN_EVENT_ID, winnendenEvent } from '@tischrunde/fixtures'
import { type Card, type EventExport, HARVEST_CHAPTER_WORDS, eventExportSchema } from '@tischrunde/shared'
import { join } from '../helpers/api.js'
import { connectBoard } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { type VoteSocket, voteSocket } from './vote-test-kit.js'
import { docxParts, paragraphText, pdfText, xml } from '../../src/export/read-back.js'
import { renderEvent, renderZip } from '../../src/export/export-service.js'

/**
 * The Winnenden day after its "Sichtung": Station 3's measures voted on and grouped. The main
 * documentation (PDF, DOCX, Markdown), the ZIP and the JSON file carry the groups, the numbers and
 * the dots; the JSON comes back in with them, and an old file without them stays byte for byte.
 */
describe('groups and votes in the documentation and the event file', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let token = ''
  const sockets: VoteSocket[] = []
  let work: Card[] = []
  let exported: EventExport

  const importFile = async (body: unknown) => {
    const res = await fetch(`${running.url}/api/events/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${running.server.credentials.adminKey}` },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { id: string }).id
  }
  const exportJson = async (eventId: string) => {
    const stored = (await running.server.events.get(eventId))!
    const res = await fetch(`${running.url}/api/events/${eventId}/export?format=json`, { headers: { authorization: `Bearer ${running.server.events.issue(stored, 'facilitator')}` } })
    expect(res.status).toBe(200)
    return res.text()
  }
  /**
   * The file with its event id replaced (an import takes a new id when the old one is taken) and
   * without the actor map, whose card references are made from the event id.
   */
  const withoutId = (text: string, id: string) => {
    const { actors: _actors, ...rest } = JSON.parse(text.split(JSON.stringify(id)).join('"ID"')) as Record<string, unknown>
    return JSON.stringify(rest, null, 2)
  }

  beforeAll(async () => {
    data = await tempDataDir('harvest-documentation')
    running = await startServer(data.dir)
    await importFile(winnendenEvent())
    const stored = (await running.server.events.get(WINNENDEN_EVENT_ID))!
    token = running.server.events.issue(stored, 'facilitator')
    const board = connectBoard(running.url, WINNENDEN_EVENT_ID, 'arbeitsmarktintegration', token)
    await board.synced()
    work = board.cards().filter((c) => c.stationId === 'station-3' && c.columnId === 'naeherkommen')
    board.destroy()
    const console_ = await voteSocket(running.url, token)
    sockets.push(console_)
    const ack = await console_.send('vote:open', { setup: { question: 'Welche Maßnahmen zuerst?', scope: { stationId: 'station-3', columnId: 'naeherkommen' }, budget: 3, perCardMax: 2 } })
    const stepId = (ack as { data: { stepId: string } }).data.stepId
    for (const picks of [[work[1]!, work[1]!, work[0]!], [work[1]!, work[2]!]]) {
      const phone = await voteSocket(running.url, (await join(running.url, stored.joinCode)).token)
      sockets.push(phone)
      for (const card of picks) expect(await phone.send('vote:cast', { stepId, tableId: 'arbeitsmarktintegration', cardId: card.id, delta: 1 })).toMatchObject({ ok: true })
    }
    expect(await console_.send('vote:freeze', { stepId, frozen: true })).toMatchObject({ ok: true })
    const column = { tableId: 'arbeitsmarktintegration', stationId: 'station-3', columnId: 'naeherkommen' }
    expect(await console_.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-bewerbung', title: 'Bewerbung & Angebote', cardIds: [work[2]!.id, work[1]!.id] } })).toMatchObject({ ok: true })
    exported = eventExportSchema.parse(JSON.parse(await exportJson(WINNENDEN_EVENT_ID)))
  }, 60_000)
  afterAll(async () => {
    for (const s of sockets) s.close()
    await running?.close()
    await data?.remove()
  })

  it('the JSON file carries the groups by card place and the dots per card, nobody’s name', () => {
    expect(exported.harvest?.groups).toEqual([{ tableId: 'arbeitsmarktintegration', stationId: 'station-3', columnId: 'naeherkommen', groups: [{ title: 'Bewerbung & Angebote', collapsed: false, cards: [2, 1] }] }])
    const step = exported.harvest!.votes[0]!
    expect(step).toMatchObject({ question: 'Welche Maßnahmen zuerst?', status: 'frozen', voters: 2, budget: 3, perCardMax: 2 })
    expect(step.counts.map((c) => [c.card, c.count])).toEqual([[0, 1], [1, 3], [2, 1]])
    expect(JSON.stringify(exported.harvest)).not.toMatch(/participant|authorId/)
  })

  it('imports the file with its groups and votes: exported again, it is the same file', async () => {
    const text = await exportJson(WINNENDEN_EVENT_ID)
    const id = await importFile(JSON.parse(text))
    expect(id).not.toBe(WINNENDEN_EVENT_ID)
    const again = await exportJson(id)
    expect(withoutId(again, id)).toBe(withoutId(text, WINNENDEN_EVENT_ID))
    // The imported result counts on the new event's screens too.
    const steps = await running.server.votes.steps(id)
    expect((await running.server.votes.tally(id, steps[0]!.id)).voters).toBe(2)
  })

  it('leaves an old file without groups and votes as it was, byte for byte', async () => {
    const old = winnendenEvent()
    const id = await importFile(old)
    const first = await exportJson(id)
    expect(JSON.parse(first)).not.toHaveProperty('harvest')
    const id2 = await importFile(JSON.parse(first))
    expect(withoutId(await exportJson(id2), id2)).toBe(withoutId(first, id))
  })

  it('refuses a file whose groups or votes name a card its boards do not have', async () => {
    const bad = structuredClone(exported)
    bad.harvest!.groups[0]!.groups[0]!.cards.push(999)
    const res = await fetch(`${running.url}/api/events/import`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${running.server.credentials.adminKey}` }, body: JSON.stringify(bad) })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('harvest')
  })

  const squash = (s: string) => s.replace(/\s+/g, ' ')

  it('Markdown: a chapter "Sichtung der Ergebnisse" with the ranking (numbers, dots) and the numbered group', async () => {
    const md = new TextDecoder().decode((await renderEvent(exported, 'md')).bytes)
    const chapter = md.slice(md.indexOf(`## ${HARVEST_CHAPTER_WORDS.chapter}`))
    expect(chapter.length).toBeLessThan(md.length)
    expect(chapter).toContain('### Priorisierung: Welche Maßnahmen zuerst?')
    expect(chapter).toContain(`- **1\\.** ${work[1]!.text.slice(0, 20)}`)
    expect(chapter).toMatch(/3 Punkte \(Arbeitsmarktintegration · Station 3 · [^)]*\)/)
    // No "Nr. 2": the table chapters' lists carry no numbers to find it by (a reader's walk); the card stands by its text.
    expect(chapter).not.toMatch(/Nr\. \d/)
    expect(chapter).toContain('2\\. (gleichauf)')
    expect(chapter).toContain('1. **Bewerbung & Angebote** – 4 Punkte')
    expect(chapter).toMatch(/ {3}- [^N].+ – 3 Punkte/)
  })

  it('PDF: the chapter after the tables, with ranks, dots and the group as a unit', async () => {
    const text = squash(await pdfText((await renderEvent(exported, 'pdf')).bytes, 'raw'))
    const at = text.lastIndexOf(HARVEST_CHAPTER_WORDS.chapter)
    expect(at).toBeGreaterThan(text.indexOf('Thementisch: Arbeitsmarktintegration'))
    const chapter = text.slice(at)
    expect(chapter).toContain('Priorisierung: Welche Maßnahmen zuerst?')
    expect(chapter).toContain('2 Personen haben abgestimmt')
    expect(chapter).toContain('1. Bewerbung & Angebote – 4 Punkte')
    expect(chapter).toContain(squash(work[1]!.text).slice(0, 20))
    expect(chapter).not.toMatch(/Nr\. \d/)
  }, 60_000)

  it('DOCX: the chapter as Heading 1 with the rankings and groups under it', async () => {
    const body = xml(docxParts((await renderEvent(exported, 'docx')).bytes)['word/document.xml']!).getElementsByTagName('w:body')[0]!
    const paragraphs = Array.from(body.getElementsByTagName('w:p')) as Element[]
    const headings = paragraphs.filter((p) => p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') === 'Heading1').map(paragraphText)
    expect(headings).toContain(HARVEST_CHAPTER_WORDS.chapter)
    const texts = paragraphs.map(paragraphText)
    const from = texts.indexOf(HARVEST_CHAPTER_WORDS.chapter)
    expect(texts.slice(from).some((t) => t.startsWith('1.') && t.includes(work[1]!.text.slice(0, 20)))).toBe(true)
    expect(texts.slice(from)).toContain('1. Bewerbung & Angebote – 4 Punkte')
  }, 60_000)

  it('ZIP: the documentation with the chapter and a table of the "Sichtung"', async () => {
    const files = unzipSync((await renderZip(exported)).bytes)
    const csvName = Object.keys(files).find((n) => n.endsWith('.csv') && n.includes('Sichtung'))!
    expect(csvName).toBeDefined()
    const csv = new TextDecoder().decode(files[csvName])
    expect(csv).toContain('Bewerbung & Angebote')
    expect(csv).toMatch(/Priorisierung;Welche Maßnahmen zuerst\?;Arbeitsmarktintegration;[^;]+;2;1\.;3;/)
    const md = new TextDecoder().decode(files[Object.keys(files).find((n) => n.endsWith('.md') && !n.includes('/'))!])
    expect(md).toContain(`## ${HARVEST_CHAPTER_WORDS.chapter}`)
    expect(new TextDecoder().decode(files['LIESMICH.txt'])).toContain(`Sichtung der Ergebnisse (${csvName})`)
    // Rendering every format of a whole day takes a while on a busy machine.
  }, 120_000)
})
