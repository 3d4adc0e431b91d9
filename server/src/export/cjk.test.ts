import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { anEvent } from '@tischrunde/fixtures'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, type EventExport } from '@tischrunde/shared'
import { renderTable } from './export-service.js'
import { cjkFontFile } from './fonts.js'
import { pdfText } from './read-back.js'

/**
 * A card in Chinese (participants write in their languages): with a CJK font on the system
 * (Debian's fonts-noto-cjk) it is drawn in it; without one it is never dropped silently.
 */
const CHINESE = '我们需要更多的德语课程和托儿服务，这样母亲们才能参加。'
const KOREAN = '감사합니다'
const file: EventExport = {
  format: EVENT_EXPORT_FORMAT,
  version: EVENT_EXPORT_VERSION,
  event: anEvent({ tableCount: 1 }),
  boards: [{ tableId: 'tisch-1', stations: [{ stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards: [{ text: `Sprache: ${CHINESE}`, subPoints: [KOREAN] }] }] }] }],
}
const run = promisify(execFile)

async function pdfFonts(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-fonts-'))
  try {
    await writeFile(path.join(dir, 'in.pdf'), bytes)
    return (await run('/usr/bin/pdffonts', [path.join(dir, 'in.pdf')])).stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const before = process.env.TISCHRUNDE_CJK_FONT
afterEach(() => {
  if (before === undefined) delete process.env.TISCHRUNDE_CJK_FONT
  else process.env.TISCHRUNDE_CJK_FONT = before
})

describe('a Chinese card', () => {
  it.skipIf(!cjkFontFile())('is set in the system\'s Noto Sans CJK and comes back as text, wrapped inside its column', async () => {
    const bytes = (await renderTable(file, 'tisch-1', 'pdf')).bytes
    expect(await pdfFonts(bytes)).toMatch(/NotoSansCJK/)
    const text = (await pdfText(bytes)).replace(/\s+/g, '')
    expect(text).toContain(CHINESE)
    expect(text).toContain(KOREAN)
  })

  it('without a CJK font still carries its text (ActualText): copying and screen readers get it, nothing is dropped', async () => {
    process.env.TISCHRUNDE_CJK_FONT = '/nonexistent/no-cjk-font.ttc'
    const bytes = (await renderTable(file, 'tisch-1', 'pdf')).bytes
    expect(await pdfFonts(bytes)).not.toMatch(/NotoSansCJK/)
    const text = (await pdfText(bytes)).replace(/\s+/g, '')
    expect(text).toContain('Sprache:')
    expect(text).toContain(CHINESE)
    expect(text).toContain(KOREAN)
  })
})
