import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { winnendenEvent } from '@tischrunde/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { renderEvent } from './export-service.js'
import { pdfText } from './read-back.js'

/** LibreOffice's command line, where installed (Debian: `apt-get install libreoffice-writer`). */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? 'soffice' : undefined
if (!soffice) console.log('LibreOffice (soffice) is not installed here: the check that the DOCX converts without warnings is skipped.')

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
})
