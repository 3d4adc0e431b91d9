import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './support/browser.js'
import { axeViolations } from './support/moderation-axe.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

/** A 120 × 40 PNG in the documents' blue. */
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAAAoCAIAAAC6iKlyAAAAZElEQVR4nO3QAQkAIADAMLvYx0Cmt4XCHTzA2Zhr60Lj+cEngQbdCjToVqBBtwINuhVo0K1Ag24FGnQr0KBbgQbdCjToVqBBtwINuhVo0K1Ag24FGnQr0KBbgQbdCjToVqBBtzpQ5DdA2AfAOwAAAABJRU5ErkJggg==',
  'base64',
)

/** A PDF's text as pdftotext reads it, on one line. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tischrunde-framing-')), 'doc.pdf')
  writeFileSync(file, bytes)
  const { stdout } = await promisify(execFile)('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  removeDir(path.dirname(file))
  return stdout.replace(/\s+/g, ' ')
}

describe('the framing of the documentation, edited on the console', () => {
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (server) removeDir(server.dataDir)
  })

  it('takes subtitle, an organiser with a logo, Einleitung and Ausblick, keeps them, and the PDF shows them', async () => {
    const created = await createEventWithKey(server, { title: 'Regionalkonferenz Winnenden', date: '2019-07-02', place: 'Winnenden', tableNames: ['Sprache'] })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const page = await context.newPage()
    await page.goto(`${server.url}/e/${created.event.id}/console#k=${encodeURIComponent(created.facilitatorToken)}`)
    const section = page.locator('.console-framing')
    await section.getByRole('heading', { name: 'Rahmen der Dokumentation' }).waitFor()

    await section.getByLabel('Untertitel').fill('Integrationskonferenz des Rems-Murr-Kreises')
    await section.getByRole('button', { name: 'Veranstalter hinzufügen' }).click()
    await section.getByLabel('Name des 1. Veranstalters').fill('Landratsamt Rems-Murr-Kreis')
    // A file that is no image is refused before it is sent.
    await section.getByLabel(/^Logo des 1\. Veranstalters/).setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg/>') })
    await section.getByRole('status').filter({ hasText: 'Bitte ein Bild im Format PNG oder JPEG wählen.' }).waitFor()
    // A small file of too many pixels (here 4000×4000 at 16 bits, said by its header) is refused in the picture's terms.
    const bomb = Buffer.from(LOGO)
    bomb.writeUInt32BE(4000, 16)
    bomb.writeUInt32BE(4000, 20)
    bomb[24] = 16
    await section.getByLabel(/^Logo des 1\. Veranstalters/).setInputFiles({ name: 'gross.png', mimeType: 'image/png', buffer: bomb })
    await section.getByRole('status').filter({ hasText: 'Das Bild hat zu viele Bildpunkte: höchstens 4000 Pixel je Seite und 4 Megapixel.' }).waitFor()
    await section.getByLabel(/^Logo des 1\. Veranstalters/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO })
    await section.getByRole('img', { name: 'Logo: Landratsamt Rems-Murr-Kreis' }).waitFor()
    await section.getByLabel('Einleitung').fill('Herzlich willkommen zur Dokumentation.')
    await section.getByLabel('Ausblick').fill('Im Herbst folgt ein zweites Treffen.')
    expect(await axeViolations(page)).toEqual([])
    // Saved from the keyboard: focus on the button, Enter.
    await section.getByRole('button', { name: 'Rahmen speichern' }).focus()
    await page.keyboard.press('Enter')
    await section.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor()

    // Kept across a reload.
    await page.reload()
    await section.getByRole('img', { name: 'Logo: Landratsamt Rems-Murr-Kreis' }).waitFor()
    expect(await section.getByLabel('Untertitel').inputValue()).toBe('Integrationskonferenz des Rems-Murr-Kreises')
    expect(await section.getByLabel('Ausblick').inputValue()).toBe('Im Herbst folgt ein zweites Treffen.')

    const pdf = await fetch(`${server.url}/api/events/${created.event.id}/export?format=pdf`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })
    expect(pdf.status).toBe(200)
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()))
    for (const expected of ['Integrationskonferenz des Rems-Murr-Kreises', 'Landratsamt Rems-Murr-Kreis', 'Herzlich willkommen zur Dokumentation.', 'Im Herbst folgt ein zweites Treffen.']) expect(text).toContain(expected)
    await context.close()
  })
})
