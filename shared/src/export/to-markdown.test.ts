import { describe, expect, it } from 'vitest'
import MarkdownIt from 'markdown-it'
import { type EventDocumentation, type ResultSheet, SHEET_WORDS, sheetColumn } from './result-sheet.js'
import { documentationToMarkdown, escapeMarkdownLine, escapeMarkdownText, resultSheetToMarkdown } from './to-markdown.js'

describe('escaping card text for Markdown', () => {
  it.each([
    // Text that must stay as it is, so the file reads well.
    ['Klient_innen und Ärzt_innen', 'Klient_innen und Ärzt_innen'],
    ['Integration als „Chatsache“ -> Paarpartner', 'Integration als „Chatsache“ -> Paarpartner'],
    ['Fördern & Fordern (vor Ort)', 'Fördern & Fordern (vor Ort)'],
    // Inline markup.
    ['**bold** [link](javascript:alert(1))', '\\*\\*bold\\*\\* \\[link\\](javascript:alert(1))'],
    ['Adressat*innen', 'Adressat\\*innen'],
    ['_kursiv_', '\\_kursiv\\_'],
    ['`code`', '\\`code\\`'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['a | b', 'a \\| b'],
    ['~~weg~~', '\\~\\~weg\\~\\~'],
    ['5 $ und 6 $', '5 \\$ und 6 \\$'],
    ['C:\\Pfad', 'C:\\\\Pfad'],
    ['&lt;b&gt; und &#60;', '\\&lt;b\\&gt; und \\&\\#60;'],
    ['=HYPERLINK("http://x","y")', '\\=HYPERLINK("http\\://x","y")'],
    ['siehe www.example.org', 'siehe www\\.example.org'],
    // Line starts that would make blocks.
    ['# Titel', '\\# Titel'],
    ['+ Nutzen', '\\+ Nutzen'],
    ['- Punkt', '\\- Punkt'],
    ['> Zitat', '\\> Zitat'],
    ['3. Bedarf', '3\\. Bedarf'],
    ['12) Punkt', '12\\) Punkt'],
    ['===', '\\==='],
    ['___', '\\_\\_\\_'],
  ])('%j → %j', (input, output) => expect(escapeMarkdownLine(input)).toBe(output))

  it('keeps line breaks as hard breaks, indented to stay in the list item', () => {
    expect(escapeMarkdownText('Erste Zeile\n  - zweite\n\n# dritte', '  ')).toBe('Erste Zeile\\\n  \\- zweite\\\n  \\# dritte')
  })
})

const sheet: ResultSheet = {
  event: { id: 'e', title: 'Tag *1*', date: '2019-07-02', dateLabel: '2. Juli 2019', place: 'Halle' },
  table: { id: 't', name: 'Arbeit [neu]', host: '' },
  heading: 'Thementisch: Arbeit [neu]',
  cardCount: 2,
  stations: [
    {
      id: 's1', title: 'Station 1', prompt: 'Was läuft gut?', heading: 'Station 1: Was läuft gut?', cardCount: 2,
      columns: [sheetColumn('c', 'Was läuft gut?', [{ text: 'Ehrenamt', subPoints: ['Paten', '- Kurse'] }, { text: '1. Netzwerk', subPoints: [] }])],
    },
  ],
}

describe('a result sheet in Markdown', () => {
  it('is headed by the table, then station (##), column (###) and a nested list', () => {
    expect(resultSheetToMarkdown(sheet)).toBe(
      [
        '# Thementisch: Arbeit \\[neu\\] – Ergebnisse',
        '',
        'Tag \\*1\\* · 2. Juli 2019 · Halle',
        '',
        '2 Karten',
        '',
        '## Station 1: Was läuft gut?',
        '',
        '### Was läuft gut?',
        '',
        '- Ehrenamt',
        '  - Paten',
        '  - \\- Kurse',
        '- 1\\. Netzwerk',
        '',
      ].join('\n'),
    )
  })

  it('writes numbered columns as real numbered lists, the typed numbers as shown, labels strong with their points below', () => {
    const cards = ['Ziele:', '3. Frauen', '1. Kita', '2. Sprache', '4. Arbeit', '4. Wohnen'].map((text) => ({ text, subPoints: text === 'Ziele:' ? ['1. a', '2. b'] : [] }))
    const numbered: ResultSheet = { ...sheet, stations: [{ ...sheet.stations[0]!, columns: [sheetColumn('c', 'Ziele', cards)] }] }
    const md = resultSheetToMarkdown(numbered)
    expect(md).toContain(['- **Ziele:**', '  1. a', '  2. b', '', '3. Frauen', '', '1) Kita', '2) Sprache', '', '4. Arbeit', '', '4) Wohnen'].join('\n'))
    // Read as a renderer does: six lists, the numbers as typed.
    const html = new MarkdownIt().render(md)
    expect(html).toContain('<ol start="3">\n<li>Frauen</li>\n</ol>')
    expect(html).toContain('<ol>\n<li>Kita</li>\n<li>Sprache</li>\n</ol>')
    expect(html.match(/<ol start="4">/g)).toHaveLength(2)
    expect(html).toContain('<li><strong>Ziele:</strong>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n</li>')
  })

  it('documents a whole event with agenda, contents and one chapter per table', () => {
    const method = [{ title: 'Station 1', prompt: 'Was läuft gut?', columns: ['Was läuft gut?', 'Wo hakt es?'], cardCount: 2 }]
    const doc: EventDocumentation = { event: sheet.event, agenda: [{ time: '09:00', title: 'Empfang', detail: 'im Foyer' }], method, sheets: [sheet], summary: '1 Thementisch · 2 Karten', methodIntro: SHEET_WORDS.methodIntro(1, 1) }
    const md = documentationToMarkdown(doc)
    expect(md).toContain('## Tagesprogramm\n\n- 09:00 Uhr – Empfang\\\n  im Foyer\n')
    expect(md).toContain('## Inhalt\n\n1. Thementisch: Arbeit \\[neu\\]\n')
    expect(md).toContain('## Ablauf und Methode\n\nDie Veranstaltung arbeitete als World Café an einem Thementisch.')
    expect(md).toContain('- Station 1: Was läuft gut? (2 Karten)\n  - Was läuft gut?\n  - Wo hakt es?\n')
    expect(md.trimEnd().endsWith('Vielen Dank für Ihre Mitwirkung!')).toBe(true)
    expect(md).toContain('## Thementisch: Arbeit \\[neu\\] – Ergebnisse\n\n2 Karten\n\n### Station 1: Was läuft gut?\n\n#### Was läuft gut?\n')
    // The chapters after the tables are in the contents too, by their headings.
    const withChapters = documentationToMarkdown(doc, ['## Sichtung der Ergebnisse\n\nText', '', '## Wer kann helfen? Akteure\n\nText'])
    expect(withChapters).toContain('## Inhalt\n\n1. Thementisch: Arbeit \\[neu\\]\n2. Sichtung der Ergebnisse\n3. Wer kann helfen? Akteure\n')
  })
})
