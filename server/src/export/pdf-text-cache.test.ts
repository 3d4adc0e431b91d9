import { winnendenEvent } from '@tischrunde/fixtures'
import { describe, expect, it } from 'vitest'
import { pdfText } from './read-back.js'
import { renderSheetPdf, sheetPdfPages } from './render-pdf.js'
import { TextMemo, resetTextCaches } from './pdf-text-cache.js'
import { buildResultSheet } from './shared-export.js'

describe('text layout kept for the process', () => {
  it('a bounded memo makes each value once and starts afresh when full', () => {
    const memo = new TextMemo<number>(2)
    let made = 0
    const make = () => ++made
    expect([memo.get('a', make), memo.get('a', make), memo.get('b', make)]).toEqual([1, 1, 2])
    memo.get('c', make) // full: forgets a and b
    expect(memo.get('a', make)).toBe(4)
  })

  it('a sheet exported again from the caches reads and breaks its pages as the first time', async () => {
    const file = winnendenEvent()
    const sheet = buildResultSheet(file, file.event.tables[2]!.id)!
    resetTextCaches()
    const first = await renderSheetPdf(sheet)
    const firstPages = sheetPdfPages(sheet)
    const again = await renderSheetPdf(sheet)
    expect(await pdfText(again)).toBe(await pdfText(first))
    expect(await pdfText(again, 'raw')).toBe(await pdfText(first, 'raw'))
    expect(sheetPdfPages(sheet)).toEqual(firstPages)
    // The same bytes but for the creation date and document id.
    expect(again.length).toBe(first.length)
  })
})
