import { describe, expect, it } from 'vitest'
import { eventFileNamePart, exportFileName, fileNamePart, uniqueFileNames } from './file-names.js'

const winnenden = { id: 'winnenden', date: '2019-07-02' }

describe('export file names', () => {
  it.each([
    ['Arbeitsmarktintegration', 'pdf', 'Winnenden_2019-07-02_Arbeitsmarktintegration.pdf'],
    ['Frauen, Kinderbetreuung, Sprache', 'docx', 'Winnenden_2019-07-02_Frauen-Kinderbetreuung-Sprache.docx'],
    ['Einzelkämpfer im ländlichen Raum', 'md', 'Winnenden_2019-07-02_Einzelkaempfer-im-laendlichen-Raum.md'],
    ['Übergänge & Größe', 'csv', 'Winnenden_2019-07-02_Uebergaenge-Groesse.csv'],
    ['../../etc/passwd', 'pdf', 'Winnenden_2019-07-02_etc-passwd.pdf'],
    ['a\\b/c\u0000d\r\ne"f;g', 'pdf', 'Winnenden_2019-07-02_a-b-c-d-e-f-g.pdf'],
    ['Café Crème', 'pdf', 'Winnenden_2019-07-02_Cafe-Creme.pdf'],
    ['東京 ☕', 'pdf', 'Winnenden_2019-07-02_Export.pdf'],
    ['\u202Efdp.exe', 'pdf', 'Winnenden_2019-07-02_fdp-exe.pdf'],
  ])('names table %j as %s', (table, ext, name) => expect(exportFileName(winnenden, table, ext)).toBe(name))

  it('names whole-event files without a table part', () => {
    expect(exportFileName(winnenden, null, 'json')).toBe('Winnenden_2019-07-02.json')
  })

  it('keeps only ASCII letters, digits, "-", "_" and one dot', () => {
    const name = exportFileName({ id: 'stadt-ulm', date: '2026-01-05' }, 'x'.repeat(300) + ' ü', 'pdf')
    expect(name).toMatch(/^[A-Za-z0-9_-]+\.pdf$/)
    expect(name.length).toBeLessThanOrEqual(100)
  })

  it('writes the words of the event id as the title writes them, the others capitalised', () => {
    expect(eventFileNamePart('bremen-wie-zusammenarbeit-in-der-kommune', 'Bremen: Wie Zusammenarbeit in der Kommune gelingt')).toBe('Bremen-Wie-Zusammenarbeit-in-der-Kommune')
    expect(eventFileNamePart('koeln-2018', 'Fachtag Integration in Köln')).toBe('Koeln-2018')
    expect(eventFileNamePart('stadt-ulm-2024', '')).toBe('Stadt-Ulm-2024')
    expect(eventFileNamePart('stadt-ulm-2024', 'Stadt Ulm 2024')).toBe('Stadt-Ulm-2024')
    expect(exportFileName({ id: 'winnenden', date: '2019-07-02', title: 'Integrationskonferenz Winnenden' }, 'Thementisch 1', 'pdf')).toBe('Winnenden_2019-07-02_Thementisch-1.pdf')
  })

  it('cuts long titles at a word boundary', () => {
    expect(fileNamePart('Wie können wir den Zielen näherkommen und was können wir vor Ort ändern', 30)).toBe('Wie-koennen-wir-den-Zielen')
  })

  it('numbers repeated names within one archive', () => {
    expect(uniqueFileNames(['A.pdf', 'B.pdf', 'A.pdf', 'A.pdf', 'A-2.pdf'])).toEqual(['A.pdf', 'B.pdf', 'A-2.pdf', 'A-3.pdf', 'A-2-2.pdf'])
  })
})
