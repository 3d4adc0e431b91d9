import { describe, expect, it } from 'vitest'
import { aRankingEntry as entry, aVoteRanking } from '../../../../fixtures/src/builders.js'
import { readPdfStructure, readingOrder } from '../read-back.js'
import { renderRankingPdf } from './render-ranking.js'

const ranking = aVoteRanking({
  overall: [entry(1, 7, 'Sprachcafé im Rathaus', ['donnerstags']), entry(2, 4, 'Patenschaften')],
  tables: [{ tableId: 'sprache', name: 'Sprache', entries: [entry(1, 7, 'Sprachcafé im Rathaus', ['donnerstags']), entry(2, 4, 'Patenschaften')], unvoted: 2, clusters: [{ number: 1, title: 'Begegnung', columnTitle: 'Was läuft gut?', votes: 11, entries: [entry(1, 7, 'Sprachcafé im Rathaus')] }] }],
  unvotedTables: ['Bildung'],
})

describe('the ranking PDF', () => {
  it('is tagged like the documentation: one title, a heading per page, the ranking as a list with the rank as its label', async () => {
    const structure = await readPdfStructure(await renderRankingPdf(ranking))
    const order = structure.pages.flatMap(readingOrder)
    expect(structure.lang).toBe('de-DE')
    // The title and status each page repeats are read once.
    expect(order.filter((e) => e.startsWith('H1:'))).toHaveLength(1)
    expect(order.filter((e) => e.startsWith('H2:'))).toEqual(['H2: RangfolgeüberalleThementische', 'H2: Thementisch:Sprache'])
    expect(order.filter((e) => e.startsWith('H3:'))).toEqual(['H3: Gruppen'])
    expect(order).toContain('Lbl: 1.')
    expect(order).toContain('P: SprachcaféimRathaus')
    expect(order).toContain('P: –donnerstags')
    // The lines for what got no dot are paragraphs of their pages.
    expect(order).toContain('P: NochkeinePunkteandiesemThementisch:Bildung')
    expect(order).toContain('P: OhnePunkte:2weitereKarten.')
    expect(order.some((e) => e.startsWith('H4: 1.Begegnung'))).toBe(true)
    expect(order).toContain('LBody: –SprachcaféimRathaus(7Punkte)')
  })
})
