import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { anEvent, winnendenEvent } from '@tischrunde/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, type EventExport } from '@tischrunde/shared'
import { renderEvent, renderTable } from './export-service.js'
import { pdfText } from './read-back.js'

/** LibreOffice's command line, where installed (Debian: `apt-get install libreoffice-writer`). */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? 'soffice' : undefined
if (!soffice) console.log('LibreOffice (soffice) is not installed here: the check that the DOCX converts without warnings is skipped.')

const anExport = (): EventExport => ({ format: EVENT_EXPORT_FORMAT, version: EVENT_EXPORT_VERSION, event: anEvent({ tableCount: 1 }), boards: [] })

/** What LibreOffice says about its own set-up, not about the document (no Java on the machine). */
const ABOUT_THE_MACHINE = [/failed to launch javaldx/]

describe('the documentation DOCX in LibreOffice', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tischrunde-lo-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.skipIf(!soffice)('converts to PDF without a warning, with the tables in it', async () => {
    const file = winnendenEvent()
    const docx = await renderEvent(file, 'docx')
    const input = path.join(dir, 'Dokumentation.docx')
    writeFileSync(input, docx.bytes)
    // A profile of its own: a LibreOffice already running for someone else would take the job and print nothing.
    const run = spawnSync(soffice!, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
      encoding: 'utf8',
      timeout: 240_000,
    })
    const warnings = run.stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !ABOUT_THE_MACHINE.some((known) => known.test(line)))
    expect(warnings).toEqual([])
    expect(run.status).toBe(0)
    const pdf = new Uint8Array(readFileSync(path.join(dir, 'Dokumentation.pdf')))
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
    for (const table of file.event.tables) expect(text).toContain(table.name.replace(/\s+/g, ' '))
  }, 300_000)

  it.skipIf(!soffice)('draws emoji and Tigrinya from the fonts the DOCX carries, also where the machine has none', async () => {
    const cards = [{ text: 'Sommerfest 🎉 mit Kaffee ☕', subPoints: ['ሰላም ለሁሉም'] }, { text: 'مرحبا بكم في الاجتماع', subPoints: [] }]
    const scripts: EventExport = { ...anExport(), boards: [{ tableId: 'tisch-1', stations: [{ stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards }] }] }] }
    const input = path.join(dir, 'Schriften.docx')
    writeFileSync(input, (await renderTable(scripts, 'tisch-1', 'docx')).bytes)
    const run = spawnSync(soffice!, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { encoding: 'utf8', timeout: 240_000 })
    expect(run.status).toBe(0)
    const output = path.join(dir, 'Schriften.pdf')
    const pdf = new Uint8Array(readFileSync(output))
    // The PDF LibreOffice wrote embeds the DOCX's fonts for those pieces, not a box from a font without them.
    const fonts = spawnSync('pdffonts', [output], { encoding: 'utf8' }).stdout
    expect(fonts).toMatch(/[A-Z]{6}\+NotoEmoji/)
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansEthiopic/)
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
    for (const word of ['🎉', 'ሰላም', 'Sommerfest']) expect(text).toContain(word)
  }, 300_000)
})
