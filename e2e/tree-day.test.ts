import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse
let facilitator: Awaited<ReturnType<typeof facilitatorSocket>>
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  // Morning and afternoon run as stations 1 and 2: the same timer, changeover and locks as a café.
  created = await createEventWithKey(server, {
    title: 'Externe Kooperation mit Akteuren der Zivilgesellschaft',
    date: '2018-06-26',
    place: 'KWADRAT Bremen',
    tableNames: [],
    treeMethod: { phaseStations: { problem: 'station-1', objective: 'station-2' } },
    // A conference of professionals: the phones say "Sie", the tree screens included.
    address: 'sie',
  })
  facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
})

afterAll(async () => {
  facilitator?.close()
  for (const c of contexts) await c.close().catch(() => {})
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

async function page(options: object, url: string): Promise<Page> {
  const context = await browser.newContext(options)
  contexts.push(context)
  const p = await context.newPage()
  await p.goto(`${server.url}${url}`)
  return p
}

async function phoneInGroup(value: string): Promise<Page> {
  const phone = await page(PHONE, created.links.participant)
  await phone.getByRole('heading', { name: 'Kommunengröße: Wo arbeiten Sie?' }).waitFor()
  await phone.getByRole('button', { name: value, exact: true }).click()
  await phone.getByText(`Gruppe: ${value}`).waitFor()
  return phone
}

async function write(phone: Page, kind: 'Ursache' | 'Folge' | null, text: string): Promise<void> {
  if (kind) await phone.getByRole('button', { name: kind, exact: true }).click()
  await phone.getByLabel('Text').fill(text)
  await phone.getByRole('button', { name: 'Senden' }).click()
  await phone.getByText(text, { exact: true }).first().waitFor()
}

/** What pdfimages and pdftotext read from a PDF: how many pictures, and its text on one line. */
async function readPdf(bytes: Uint8Array): Promise<{ images: number; text: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-tree-day-'))
  try {
    const file = path.join(dir, 'doc.pdf')
    await writeFile(file, bytes)
    const list = (await promisify(execFile)('/usr/bin/pdfimages', ['-list', file])).stdout
    const text = (await promisify(execFile)('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
    return { images: list.split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image').length, text: text.replace(/\s+/g, ' ') }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const download = async (format: string) => {
  const res = await fetch(`${server.url}/api/events/${created.event.id}/export?format=${format}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

describe('a day with problem trees in the morning and solution trees in the afternoon', () => {
  it('two groups write their trees on phones, the projector draws them, the facilitator edits, a phone rewords, the export shows both trees', async () => {
    // Before the start the trees are locked, like a café station's board, and the phone says the day is about to begin.
    const anna = await phoneInGroup('kleiner Landkreis')
    await anna.getByText('Gleich geht’s los: Die Moderation öffnet in Kürze den Problembaum.', { exact: true }).waitFor()
    expect(await anna.getByText('gesperrt', { exact: false }).count()).toBe(0)
    // The empty tree's line follows the lock: no "write it down first" while nobody may write.
    await anna.getByText('Noch kein Kernproblem.', { exact: true }).waitFor()
    expect(await anna.getByText('Schreiben Sie es als Erstes auf.', { exact: false }).count()).toBe(0)
    expect(await facilitator.advance()).toEqual({ ok: true })
    await anna.getByLabel('Text').waitFor()
    await anna.getByText('Noch kein Kernproblem. Schreiben Sie es als Erstes auf.', { exact: true }).waitFor()

    // Morning: the small county's group writes a core problem, three causes and two effects.
    await write(anna, null, 'Zusammenarbeit mit Vereinen bleibt punktuell')
    await write(anna, 'Ursache', 'Keine festen Ansprechpersonen')
    await write(anna, 'Ursache', 'Förderung läuft nur ein Jahr')
    await write(anna, 'Ursache', 'Ehrenamt wechselt oft')
    await write(anna, 'Folge', 'Angebote laufen doppelt')
    await write(anna, 'Folge', 'Geflüchtete finden keine Hilfe')
    // The city's group writes its own tree; neither phone sees the other group's.
    const carla = await phoneInGroup('größere kreisfreie Stadt')
    await write(carla, null, 'Migrantenorganisationen werden spät beteiligt')
    await write(carla, 'Ursache', 'Sitzungen tagsüber')
    await expect(carla.getByText('Keine festen Ansprechpersonen').count()).resolves.toBe(0)
    // A third group writes nothing all morning.
    const dora = await phoneInGroup('großer Landkreis')

    // The projector draws causes below the core problem and effects above it.
    const projector = await page(PROJECTOR, created.links.projector.replace('#', '?group=kleiner-landkreis#'))
    const boxes = projector.locator('.tree-box')
    await expect.poll(() => boxes.count(), { timeout: 10_000 }).toBe(6)
    const placed = await boxes.evaluateAll((els) => els.map((el) => ({ kind: el.getAttribute('data-kind'), r: el.getBoundingClientRect() })).map(({ kind, r }) => ({ kind, top: r.top, bottom: r.bottom })))
    const core = placed.find((b) => b.kind === 'core')!
    expect(placed.filter((b) => b.kind === 'cause').every((b) => b.top > core.bottom)).toBe(true)
    expect(placed.filter((b) => b.kind === 'effect').every((b) => b.bottom < core.top)).toBe(true)
    // Side by side with the other group.
    await projector.getByLabel('Vergleichen mit').selectOption({ label: 'größere kreisfreie Stadt' })
    await projector.getByRole('heading', { name: 'Problembaum: kleiner Landkreis · größere kreisfreie Stadt' }).waitFor()
    // In the morning the projector offers no switch to the (empty) solution trees.
    expect(await projector.getByRole('button', { name: 'Lösungsbaum', exact: true }).count()).toBe(0)
    await expect.poll(() => boxes.count(), { timeout: 10_000 }).toBe(8)

    // The facilitator moves a cause under another cause.
    const console_ = await page({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' }, created.links.facilitator)
    await console_.getByRole('heading', { name: 'Gruppen nach Kommunengröße' }).waitFor()
    // Pictures to download of the trees that have entries: the morning's problem tree, no empty solution tree yet.
    await console_.getByRole('button', { name: 'Problembaum kleiner Landkreis als SVG' }).waitFor()
    expect(await console_.getByRole('button', { name: 'Lösungsbaum kleiner Landkreis als SVG' }).count()).toBe(0)
    await console_.getByLabel('Ehrenamt wechselt oft verschieben nach …').selectOption({ label: '1.1 Ursache: Keine festen Ansprechpersonen' })
    await console_.getByRole('status').filter({ hasText: '„Ehrenamt wechselt oft“ hängt jetzt unter „Keine festen Ansprechpersonen“.' }).waitFor()
    await anna.getByRole('button', { name: 'Ursache 1.1.1: Ehrenamt wechselt oft' }).waitFor({ timeout: 10_000 })

    // The console puts the small county's problem tree on the projector ("Beamer steuern") for the morning's talk.
    const remote = console_.getByRole('region', { name: 'Beamer steuern' })
    await remote.getByRole('combobox', { name: 'Gruppe' }).selectOption({ label: 'kleiner Landkreis' })
    await remote.getByRole('group', { name: 'Baum' }).getByRole('button', { name: 'Problembaum', pressed: true }).waitFor()

    // Afternoon: the day moves on to the solution station; the phones show the objective tree.
    expect(await facilitator.advance()).toEqual({ ok: true })
    await anna.getByRole('heading', { name: 'Lösungsbaum', exact: true }).waitFor({ timeout: 10_000 })
    // The group without a problem tree gets none to build on: it writes its goal itself.
    await dora.getByText('Ihr Problembaum ist leer geblieben. Schreiben Sie das Ziel Ihrer Gruppe als Erstes auf.').waitFor({ timeout: 10_000 })
    // ... and is not asked in the same breath to reword problems it does not have.
    expect(await dora.getByText('Formulieren Sie jedes Problem', { exact: false }).count()).toBe(0)
    // Its privacy panel speaks of the trees' entries, not of cards and names (a tree day has neither).
    await dora.getByRole('button', { name: 'Datenschutz & Impressum' }).click()
    await dora.getByText('Tischrunde speichert nur, was in die Bäume der Gruppen geschrieben wird', { exact: false }).waitFor()
    expect(await dora.getByText('auf Karten geschrieben', { exact: false }).count()).toBe(0)
    await dora.getByRole('button', { name: 'Datenschutz & Impressum' }).click()
    await write(dora, null, 'Wohnungssuche gelingt schneller')
    await dora.getByRole('button', { name: /^Ziel 1: Wohnungssuche gelingt schneller/ }).waitFor()
    // The projector follows the day to the objective trees, though the console chose the problem tree in the morning
    // (a walk's projector stayed on it all afternoon); the console's remote says so.
    await projector.getByRole('heading', { name: 'Lösungsbaum: kleiner Landkreis · größere kreisfreie Stadt' }).waitFor({ timeout: 10_000 })
    await remote.getByRole('group', { name: 'Baum' }).getByRole('button', { name: 'Lösungsbaum', pressed: true }).waitFor({ timeout: 10_000 })
    // ... and from then on switches back to the problem trees.
    await projector.getByRole('button', { name: 'Problembaum', exact: true }).waitFor()
    await console_.getByRole('button', { name: 'Lösungsbaum aus dem Problembaum erstellen' }).click()
    // The day's move to the solution station made it already: the console says there is nothing new to take over.
    await console_.getByRole('status').filter({ hasText: 'Der Lösungsbaum ist schon auf dem Stand des Problembaums.' }).waitFor()
    // The phone marks what is still in the problem's words, as the projector and the exports do.
    await anna.getByRole('button', { name: 'Mittel 1.1: Keine festen Ansprechpersonen · noch umzuformulieren' }).waitFor({ timeout: 10_000 })

    // A phone rewords an objective positively.
    await anna.getByRole('button', { name: 'Keine festen Ansprechpersonen bearbeiten' }).click()
    await anna.getByLabel('Text').fill('Feste Ansprechpersonen sind benannt')
    await anna.getByRole('button', { name: 'Speichern' }).click()
    const objectives = console_.getByRole('list', { name: 'Lösungsbaum der Gruppe kleiner Landkreis als Gliederung' })
    await objectives.getByRole('checkbox', { name: 'Im Rahmen: Feste Ansprechpersonen sind benannt' }).waitFor({ timeout: 10_000 })
    await expect(objectives.getByText('Problem: Keine festen Ansprechpersonen').count()).resolves.toBe(1)
    // The phone keeps the morning's problem under the reworded objective too.
    await anna.getByRole('list', { name: /^Lösungsbaum/ }).getByText('Problem: Keine festen Ansprechpersonen').waitFor()
    expect(await anna.getByRole('button', { name: /^Mittel 1\.1: Feste Ansprechpersonen sind benannt/ }).textContent()).not.toContain('umzuformulieren')

    // The facilitator marks it in scope and attaches a measure and who can help.
    await console_.getByRole('checkbox', { name: 'Im Rahmen: Feste Ansprechpersonen sind benannt' }).check()
    await console_.getByLabel('Neuer Eintrag: Maßnahmen (Feste Ansprechpersonen sind benannt)').fill('Liste im Intranet')
    await console_.getByRole('form', { name: 'Maßnahmen (Feste Ansprechpersonen sind benannt)' }).getByRole('button', { name: 'Hinzufügen' }).click()
    await console_.getByLabel('Neuer Eintrag: Wer kann helfen? (Feste Ansprechpersonen sind benannt)').fill('Integrationsbeauftragte')
    await console_.getByRole('form', { name: 'Wer kann helfen? (Feste Ansprechpersonen sind benannt)' }).getByRole('button', { name: 'Hinzufügen' }).click()
    await objectives.getByText('Integrationsbeauftragte').waitFor()

    // The group sees them under the means on the phone, and adds a measure of its own there.
    await anna.getByText('Liste im Intranet').waitFor({ timeout: 10_000 })
    await anna.getByRole('button', { name: /^Mittel 1\.1: Feste Ansprechpersonen sind benannt/ }).click()
    await anna.getByLabel('Neuer Eintrag: Maßnahmen (Feste Ansprechpersonen sind benannt)').fill('Aushang im Rathaus')
    await anna.getByRole('form', { name: 'Maßnahmen (Feste Ansprechpersonen sind benannt)' }).getByRole('button', { name: 'Hinzufügen' }).click()
    await objectives.getByText('Aushang im Rathaus').waitFor({ timeout: 10_000 })
    // Reached by the keyboard, the next field stands above the form at the foot of the phone, not under it.
    const helper = anna.getByLabel('Neuer Eintrag: Wer kann helfen? (Feste Ansprechpersonen sind benannt)')
    await helper.focus()
    const [field, form] = await Promise.all([helper.boundingBox(), anna.locator('.tree-add').boundingBox()])
    expect(field!.y + field!.height).toBeLessThanOrEqual(form!.y)
    // In the afternoon the form for a new objective follows the tree instead of holding the screen's foot (a third of a phone) ...
    expect(await anna.locator('.tree-add').evaluate((el) => getComputedStyle(el).position)).toBe('static')
    // ... and comes to the foot while rewording, where the text is typed.
    await anna.getByRole('button', { name: 'Bearbeiten' }).first().click()
    await expect.poll(() => anna.locator('.tree-add').evaluate((el) => getComputedStyle(el).position)).toBe('sticky')
    await anna.getByRole('button', { name: 'Abbrechen' }).click()

    // Who can help goes into the actor map: the console reads the solution trees, the phone shows the map.
    const actors = console_.getByRole('region', { name: 'Wer kann helfen? – Akteurslandkarte' })
    await actors.getByRole('button', { name: 'Lösungsbäume neu einlesen' }).click()
    await actors.getByText('Alle Lösungsbäume neu eingelesen.').waitFor({ timeout: 5000 })
    await actors.getByText('kleiner Landkreis: „Integrationsbeauftragte“', { exact: false }).waitFor({ state: 'attached', timeout: 5000 })
    await anna.getByRole('button', { name: 'Akteurslandkarte ansehen' }).click()
    await anna.getByText(/^Integrationsbeauftragte/).first().waitFor({ timeout: 5000 })
    await anna.getByRole('button', { name: 'Zurück zum Lösungsbaum' }).click()
    await anna.getByRole('list', { name: /^Lösungsbaum/ }).waitFor()

    // The day ends (the template's third station, then the review): the phone says the work on the tree is done, not that it is "locked".
    expect(await facilitator.advance()).toEqual({ ok: true })
    expect(await facilitator.advance()).toEqual({ ok: true })
    await anna.getByText('Die Arbeit am Lösungsbaum ist abgeschlossen. Sie können ihn weiter ansehen.', { exact: true }).waitFor({ timeout: 10_000 })
    expect(await anna.getByRole('button', { name: 'Gruppe wechseln' }).count()).toBe(0)
    // No invitation to reword what can no longer be edited.
    expect(await anna.getByText('Formulieren Sie jedes Problem', { exact: false }).count()).toBe(0)

    // The export: the trees of the groups as pictures and as numbered lists, each objective beside its
    // problem; the second group's Lösungsbaum came with the afternoon's station (from its problem
    // tree); the third's empty Problembaum is one line without a picture (pictures: two each of the
    // first and second group, the third's Lösungsbaum).
    const pdf = await readPdf(await download('pdf'))
    expect(pdf.images).toBe(5)
    expect(pdf.text).toContain('1 Ziel: Wohnungssuche gelingt schneller')
    expect(pdf.text).toContain('Problembaum Diese Gruppe hat keinen Problembaum angelegt.')
    expect(pdf.text).not.toContain('Diese Gruppe hat keinen Lösungsbaum angelegt.')
    expect(pdf.text).toContain('Gruppe: kleiner Landkreis')
    expect(pdf.text).toContain('Gruppe: größere kreisfreie Stadt')
    expect(pdf.text).toContain('1.1.1 Ursache: Ehrenamt wechselt oft')
    expect(pdf.text).toContain('Mittel: Feste Ansprechpersonen sind benannt (beantwortet Ursache 1.1: Keine festen Ansprechpersonen) [im Rahmen]')
    expect(pdf.text).toContain('Maßnahmen: – Liste im Intranet')
    expect(pdf.text).toContain('Aushang im Rathaus')
    expect(pdf.text).toContain('Aus den Lösungsbäumen der Gruppen')
    const docx = unzipSync(await download('docx'))
    expect(Object.keys(docx).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toHaveLength(5)
    const body = strFromU8(docx['word/document.xml']!).replace(/<[^>]+>/g, '')
    expect(body).toContain('Mittel: Feste Ansprechpersonen sind benannt (beantwortet Ursache 1.1: Keine festen Ansprechpersonen) [im Rahmen]')
    expect(body).toContain('1.1.1 Ursache: Ehrenamt wechselt oft')
  })
})
