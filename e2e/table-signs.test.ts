import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Integrationsforum Schorndorf', tableNames: ['Sprache', 'Schule und Kita'] })
})
afterAll(() => closeCafe(cafe))

describe('table signs', () => {
  it('print one A4 page per table whose QR code seats a phone at that table', async () => {
    const { server, browser, created } = cafe
    const console = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' })).newPage()
    await console.goto(`${server.url}${created.links.facilitator}`)
    // The print dialog is the browser's; here the page is printed to PDF as it would be on paper.
    await console.evaluate(() => (window.print = () => document.body.setAttribute('data-printed', 'yes')))
    await console.getByRole('button', { name: 'Tischschilder drucken' }).click()
    await console.locator('body[data-printed="yes"]').waitFor()
    const dir = await mkdtemp(path.join(tmpdir(), 'signs-'))
    try {
      const pdf = path.join(dir, 'signs.pdf')
      await writeFile(pdf, await console.pdf({ format: 'A4' }))
      const { stdout: text } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-'])
      const pages = text.split('\f').filter((p) => p.trim()).map((p) => p.replace(/\s+/g, ' '))
      expect(pages).toHaveLength(2)
      expect(pages[1]).toContain('Schule und Kita')
      expect(pages[1]).toContain(`den Code ${created.joinCode} eingeben`)
      await promisify(execFile)('pdftoppm', ['-png', '-r', '100', '-f', '2', '-l', '2', pdf, path.join(dir, 'sign')])
      const png = PNG.sync.read(await readFile(path.join(dir, (await readdir(dir)).find((f) => f.endsWith('.png'))!)))
      const url = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
      expect(url).toMatch(new RegExp(`/j/${created.joinCode}\\?tisch=schule-und-kita$`))

      const phone = await (await browser.newContext(PHONE)).newPage()
      await phone.goto(url!.replace(/^https?:\/\/[^/]+/, server.url))
      await phone.getByRole('heading', { name: 'Schule und Kita' }).waitFor()
      await phone.getByRole('textbox', { name: 'Deine Karte' }).waitFor()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
