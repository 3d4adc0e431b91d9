import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { aRankingEntry, aVoteRanking } from '../../../fixtures/src/builders.js'
import { voteRankingCsvRows, voteRankingToMarkdown } from './vote-ranking.js'

const renfeld = aRankingEntry(1, 2, 'Dr. Renfeld:', ['Finanzierung der Kinderbetreuung in Sprachschulen', 'Bedenken: Wartelisten'], { tableName: 'Frauen, Kinderbetreuung, Sprache', columnTitle: 'Wo hakt es?' })
const ranking = aVoteRanking({
  overall: [renfeld],
  tables: [{ tableId: 'frauen', name: 'Frauen, Kinderbetreuung, Sprache', entries: [renfeld], unvoted: 4, clusters: [] }],
  unvotedTables: ['Digitalisierung, Umsetzung des Integrationsplans', 'Bildung'],
})

describe('the ranking as Markdown and CSV', () => {
  it("keeps a card's sub-points with it: a heading alone (\"Dr. Renfeld:\") says nothing", () => {
    const md = voteRankingToMarkdown(ranking)
    expect(md).toContain('1. Dr. Renfeld: – 2 Punkte (Frauen, Kinderbetreuung, Sprache)\n   - Finanzierung der Kinderbetreuung in Sprachschulen\n   - Bedenken: Wartelisten')
    const rows = voteRankingCsvRows(ranking)
    expect(rows[0]!.at(-1)).toBe('Unterpunkte')
    expect(rows[1]!.slice(-2)).toEqual(['Dr. Renfeld:', 'Finanzierung der Kinderbetreuung in Sprachschulen\nBedenken: Wartelisten'])
  })

  it('counts the cards without a dot and names the tables nobody voted at, separated so a comma in a name reads as one', () => {
    const md = voteRankingToMarkdown(ranking)
    expect(md).toContain('Noch keine Punkte an diesen Thementischen: Digitalisierung, Umsetzung des Integrationsplans · Bildung')
    expect(md).toContain('Ohne Punkte: 4 weitere Karten.')
    expect(md).not.toContain('0 Punkte')
    expect(voteRankingCsvRows(ranking)).toHaveLength(3)
  })

  it('writes cards as plain words: a card with a link, a picture, HTML or math renders as what was written', () => {
    const hostile = aRankingEntry(1, 3, 'https://example.org/x &lt;b&gt; ~~weg~~ $x^2$ <img src=x onerror=alert(1)>', [], { tableName: 'Sprache' })
    const html = new MarkdownIt({ html: true, linkify: true }).render(voteRankingToMarkdown(aVoteRanking({ overall: [hostile], tables: [], unvotedTables: [] })))
    for (const made of ['<a ', '<img', '<s>', '<del>', '&lt;b&gt;']) expect(html).not.toContain(made)
    expect(html).toContain('~~weg~~')
  })
})
