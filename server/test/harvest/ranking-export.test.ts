import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Element } from '@xmldom/xmldom'
import { WINNENDEN_EVENT_ID, winnendenEvent } from '@tischrunde/fixtures'
import { type Card, RANKING_WORDS } from '@tischrunde/shared'
import { join } from '../helpers/api.js'
import { connectBoard } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { type VoteSocket, voteSocket } from './vote-test-kit.js'
import { docxParts, paragraphText, pdfText, xml } from '../../src/export/read-back.js'

/** The Winnenden day: Station 3 ("Wie können wir den Zielen näherkommen?") put to the vote, then exported. */
describe('the Winnenden demo: Station 3 voted on and exported with a ranking', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let token = ''
  let stepId = ''
  const sockets: VoteSocket[] = []
  const file = winnendenEvent()
  const tableName = (id: string) => file.event.tables.find((t) => t.id === id)!.name
  /** Station 3's first column on two tables, as the boards hold them. */
  let work: Card[] = []
  let women: Card[] = []

  const download = async (format: string) => {
    const res = await fetch(`${running.url}/api/events/${WINNENDEN_EVENT_ID}/votes/export?format=${format}&step=${stepId}`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('Priorisierung')
    return new Uint8Array(await res.arrayBuffer())
  }

  beforeAll(async () => {
    data = await tempDataDir('ranking-export')
    running = await startServer(data.dir)
    const imported = await fetch(`${running.url}/api/events/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${running.server.credentials.adminKey}` },
      body: JSON.stringify(file),
    })
    expect(imported.status).toBe(201)
    const stored = (await running.server.events.get(WINNENDEN_EVENT_ID))!
    token = running.server.events.issue(stored, 'facilitator')
    const station3 = async (tableId: string) => {
      const board = connectBoard(running.url, WINNENDEN_EVENT_ID, tableId, token)
      await board.synced()
      const cards = board.cards().filter((c) => c.stationId === 'station-3' && c.columnId === 'naeherkommen')
      board.destroy()
      return cards
    }
    work = await station3('arbeitsmarktintegration')
    women = await station3('frauen-kinderbetreuung-sprache')
    expect(work.length).toBeGreaterThan(2)
    expect(women.length).toBeGreaterThan(0)

    const console_ = await voteSocket(running.url, token)
    sockets.push(console_)
    const ack = await console_.send('vote:open', { setup: { question: 'Welche Maßnahmen zuerst?', scope: { stationId: 'station-3', columnId: 'naeherkommen' }, budget: 3, perCardMax: 1 } })
    stepId = (ack as { data: { stepId: string } }).data.stepId
    // Three participants: work[0] gets 3 dots, work[1] and women[0] get 2 each (a tie).
    const ballots = [
      [work[0]!, work[1]!, women[0]!],
      [work[0]!, work[1]!],
      [work[0]!, women[0]!],
    ]
    for (const picks of ballots) {
      const person = await join(running.url, stored.joinCode)
      const phone = await voteSocket(running.url, person.token)
      sockets.push(phone)
      for (const card of picks) {
        const tableId = work.includes(card) ? 'arbeitsmarktintegration' : 'frauen-kinderbetreuung-sprache'
        expect(await phone.send('vote:cast', { stepId, tableId, cardId: card.id, delta: 1 })).toMatchObject({ ok: true })
      }
    }
    expect(await console_.send('vote:freeze', { stepId, frozen: true })).toMatchObject({ ok: true })
    // The facilitator gathered two of the table's cards under a heading.
    const column = { tableId: 'arbeitsmarktintegration', stationId: 'station-3', columnId: 'naeherkommen' }
    expect(await console_.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-bewerbung', title: 'Bewerbung & Angebote', cardIds: [work[2]!.id, work[1]!.id] } })).toMatchObject({ ok: true })
  }, 60_000)
  afterAll(async () => {
    for (const s of sockets) s.close()
    await running?.close()
    await data?.remove()
  })

  const squash = (s: string) => s.replace(/\s+/g, ' ')
  /** The tables that got dots. */
  const VOTED = ['arbeitsmarktintegration', 'frauen-kinderbetreuung-sprache']

  it('PDF: a ranking across the event with the tie visible, then a ranking page per table', async () => {
    const bytes = await download('pdf')
    const pages = (await pdfText(bytes, 'raw')).split('\f').map(squash)
    const first = pages[0]!
    expect(first).toContain('Priorisierung: Welche Maßnahmen zuerst?')
    expect(first).toContain('3 Personen haben abgestimmt')
    expect(first).toContain(RANKING_WORDS.frozen)
    // 1. work[0] (3 Punkte); 2. women[0] and 2. work[1] (2 Punkte, gleichauf), in board order of the event's tables.
    const at = (text: string) => first.indexOf(squash(text).slice(0, 40))
    expect(at(work[0]!.text)).toBeGreaterThan(first.indexOf(RANKING_WORDS.overall))
    expect(at(work[0]!.text)).toBeLessThan(at(women[0]!.text))
    expect(at(women[0]!.text)).toBeLessThan(at(work[1]!.text))
    expect(first).toMatch(/1\. .*3 Punkte/)
    expect((first.match(/2 Punkte · gleichauf/g) ?? []).length).toBe(2)
    expect(first).not.toMatch(/3\. /)
    // One page (at least) per table with dots, each headed with its name; the voted table ranks work[0]
    // first, and counts its cards without a dot instead of ranking each "gleichauf" with 0 Punkte.
    // The tables nobody voted at are named once, on the first page.
    const all = pages.join(' ')
    for (const t of file.event.tables)
      if (VOTED.includes(t.id)) expect(all).toContain(`Thementisch: ${squash(t.name)}`)
      else expect(all).not.toContain(`Thementisch: ${squash(t.name)}`)
    expect(first).toContain('Noch keine Punkte an diesen Thementischen:')
    for (const t of file.event.tables.filter((x) => !VOTED.includes(x.id))) expect(first).toContain(squash(t.name))
    const workPage = pages.slice(1).find((p) => p.includes(`Thementisch: ${squash(tableName('arbeitsmarktintegration'))}`))!
    expect(workPage.indexOf(squash(work[0]!.text).slice(0, 40))).toBeLessThan(workPage.indexOf(squash(work[1]!.text).slice(0, 40)))
    expect(workPage).toContain(`Ohne Punkte: ${work.length - 2} weitere Karte`)
    expect(all).not.toContain('0 Punkte · gleichauf')
    // The group is a unit: numbered heading with its dots, its cards under it.
    const groups = workPage.slice(workPage.indexOf('Gruppen'))
    expect(groups).toContain('1. Bewerbung & Angebote – 2 Punkte')
    expect(groups.indexOf(squash(work[1]!.text).slice(0, 30))).toBeGreaterThan(0)
    expect(groups.indexOf(squash(work[2]!.text).slice(0, 30))).toBeGreaterThan(0)
  })

  it('DOCX: a Heading 1 per ranking page and numbered entries "1." in rank order', async () => {
    const body = xml(docxParts(await download('docx'))['word/document.xml']!).getElementsByTagName('w:body')[0]!
    const paragraphs = Array.from(body.getElementsByTagName('w:p')) as Element[]
    const headings = paragraphs.filter((p) => p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') === 'Heading1').map(paragraphText)
    expect(headings).toEqual([RANKING_WORDS.overall, ...file.event.tables.filter((t) => VOTED.includes(t.id)).map((t) => `Thementisch: ${t.name}`)])
    const texts = paragraphs.map(paragraphText)
    const overall = texts.slice(0, texts.indexOf(headings[1]!))
    const ranked = overall.map((t) => /^(\d+)\.\s*(.*)$/s.exec(t)).filter((m) => m !== null)
    expect(ranked.map((m) => [m[1], m[2]!.slice(0, 30)])).toEqual([
      ['1', work[0]!.text.slice(0, 30)],
      ['2', women[0]!.text.slice(0, 30)],
      ['2', work[1]!.text.slice(0, 30)],
    ])
    expect(overall.filter((t) => t.includes('gleichauf'))).toHaveLength(2)
    expect(texts).toContain('1. Bewerbung & Angebote – 2 Punkte')
  })

  it('Markdown and CSV carry the same ranking; nothing names a voter', async () => {
    const md = new TextDecoder().decode(await download('md'))
    expect(md).toContain(`## ${RANKING_WORDS.overall}`)
    expect(md).toMatch(/^1\. .+ – 3 Punkte/m)
    expect(md).toContain('#### 1. Bewerbung & Angebote – 2 Punkte')
    const csv = new TextDecoder().decode(await download('csv'))
    expect(csv.split('\r\n')[1]).toContain(';1;nein;3;')
    // The step ran on one column: every row still names it (a spreadsheet filters by the cell).
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.split(';')[2]).toBe('Wie können wir den Zielen näherkommen? Was können wir vor Ort ändern?')
    expect(csv).not.toMatch(/participant|Teilnehm/i)
  })

  it('refuses the download to a participant and for an unknown step', async () => {
    const person = await join(running.url, (await running.server.events.get(WINNENDEN_EVENT_ID))!.joinCode)
    const asParticipant = await fetch(`${running.url}/api/events/${WINNENDEN_EVENT_ID}/votes/export?format=pdf&step=${stepId}`, { headers: { authorization: `Bearer ${person.token}` } })
    expect(asParticipant.status).toBe(403)
    const unknown = await fetch(`${running.url}/api/events/${WINNENDEN_EVENT_ID}/votes/export?format=pdf&step=gibtesnicht`, { headers: { authorization: `Bearer ${token}` } })
    expect(unknown.status).toBe(400)
  })
})
