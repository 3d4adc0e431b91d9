import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { aCard, anEvent } from '@tischrunde/fixtures'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, buildResultSheet, eventExportSchema, exportBoardFromCards } from '@tischrunde/shared'
import { renderSheetDocx } from './render-docx.js'

describe('a card the moderation struck through, in Word', () => {
  it('is struck through, and still says so in words', async () => {
    const event = anEvent()
    const cards = [aCard({ id: 'karte-1', text: 'Sprachkurse am Abend', position: 1 }), aCard({ id: 'karte-3', text: 'Alles ist gut', position: 2, struck: true })]
    const file = eventExportSchema.parse({ format: EVENT_EXPORT_FORMAT, version: EVENT_EXPORT_VERSION, exportedAt: '2026-12-04T20:00:00.000Z', event, boards: [exportBoardFromCards('tisch-1', cards, event.template)] })
    const xml = strFromU8(unzipSync(await renderSheetDocx(buildResultSheet(file, 'tisch-1')!))['word/document.xml']!)
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => ({ struck: m[1]!.includes('<w:strike/>'), text: m[1]!.replace(/<[^>]+>/g, '') }))
    expect(runs.filter((r) => r.struck).map((r) => r.text).join('')).toBe('Alles ist gut')
    expect(runs.map((r) => r.text).join('')).toContain('Alles ist gut (durchgestrichen)')
    expect(runs.find((r) => r.text.includes('Sprachkurse'))!.struck).toBe(false)
  })
})
