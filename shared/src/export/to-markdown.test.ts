import { describe, expect, it } from 'vitest'
import type { EventDocumentation, ResultSheet } from './result-sheet.js'
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
      id: 's1', title: 'Station 1', prompt: 'Was läuft gut?', heading: 'Station 1: Was läuft gut?',
      columns: [{ id: 'c', title: 'Was läuft gut?', cards: [{ text: 'Ehrenamt', subPoints: ['Paten', '- Kurse'] }, { text: '1. Netzwerk', subPoints: [] }] }],
    },
  ],
}

describe('a result sheet in Markdown', () => {
  it('is headed by the table, then station (##), column (###) and a nested list', () => {
    expect(resultSheetToMarkdown(sheet)).toBe(
      [
        '# Thementisch: Arbeit \\[neu\\] — Ergebnisse',
        '',
        'Tag \\*1\\* · 2. Juli 2019 · Halle',
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

  it('documents a whole event with agenda, contents and one chapter per table', () => {
    const doc: EventDocumentation = { event: sheet.event, agenda: [{ time: '09:00', title: 'Empfang', detail: 'im Foyer' }], sheets: [sheet] }
    const md = documentationToMarkdown(doc)
    expect(md).toContain('## Tagesprogramm\n\n- 09:00 Uhr – Empfang\\\n  im Foyer\n')
    expect(md).toContain('## Inhalt\n\n1. Thementisch: Arbeit \\[neu\\]\n')
    expect(md).toContain('## Thementisch: Arbeit \\[neu\\] — Ergebnisse\n\n### Station 1: Was läuft gut?\n\n#### Was läuft gut?\n')
  })
})
