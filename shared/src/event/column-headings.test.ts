import { describe, expect, it } from 'vitest'
import { columnTitleFor, withColumnHeading } from './column-headings.js'

const COMBINED = 'Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?'
const ziele = { id: 'ziele', title: 'Was sind unsere Ziele?' }

describe('a table\'s own column headings', () => {
  it('show the table\'s heading over its column, the template\'s title elsewhere', () => {
    const table = { id: 'tisch-1', columnHeadings: [{ stationId: 'station-2', columnId: 'ziele', title: COMBINED }] }
    expect(columnTitleFor(table, 'station-2', ziele)).toBe(COMBINED)
    expect(columnTitleFor(table, 'station-1', ziele)).toBe('Was sind unsere Ziele?')
    expect(columnTitleFor({ id: 'tisch-2' }, 'station-2', ziele)).toBe('Was sind unsere Ziele?')
    expect(columnTitleFor(undefined, 'station-2', ziele)).toBe('Was sind unsere Ziele?')
  })

  it('are set, replaced and removed one column at a time; none left, no field', () => {
    const table = { id: 'tisch-1', name: 'Sprache', host: '' }
    const set = withColumnHeading(table, 'station-2', 'ziele', COMBINED)
    expect(set).toEqual({ ...table, columnHeadings: [{ stationId: 'station-2', columnId: 'ziele', title: COMBINED }] })
    const replaced = withColumnHeading(set, 'station-2', 'ziele', 'Ziele')
    expect(replaced.columnHeadings).toEqual([{ stationId: 'station-2', columnId: 'ziele', title: 'Ziele' }])
    const two = withColumnHeading(replaced, 'station-3', 'wer-hilft', 'Behilfliche Akteur*innen')
    expect(two.columnHeadings).toHaveLength(2)
    expect(withColumnHeading(two, 'station-2', 'ziele', 'Unsere Ziele').columnHeadings!.map((h) => h.title)).toEqual(['Unsere Ziele', 'Behilfliche Akteur*innen'])
    expect(withColumnHeading(two, 'station-2', 'ziele', '  ').columnHeadings).toEqual([{ stationId: 'station-3', columnId: 'wer-hilft', title: 'Behilfliche Akteur*innen' }])
    expect(withColumnHeading(set, 'station-2', 'ziele', '')).toEqual(table)
    expect(table).toEqual({ id: 'tisch-1', name: 'Sprache', host: '' })
  })
})
