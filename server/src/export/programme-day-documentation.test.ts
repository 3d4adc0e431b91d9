import { describe, expect, it } from 'vitest'
import { koelnEvent, winnendenEvent } from '@tischrunde/fixtures'
import { buildEventDocumentation } from '@tischrunde/shared'

describe('the documentation of a day of workshops (seed 000)', () => {
  it('counts workshops and phases, not "0 Thementische · 0 Karten", and explains the day, not a World Café', () => {
    const doc = buildEventDocumentation(koelnEvent())
    expect(doc.summary).toBe('10 Workshops in 2 Arbeitsphasen')
    expect(doc.methodIntro).toMatch(/^Die Veranstaltung verband das Plenum mit zehn Workshops in zwei Arbeitsphasen; die Teilnehmenden konnten ihre Workshops vorab am Handy wählen/)
    expect(doc.methodIntro).not.toMatch(/World Café|Thementisch/)
    expect(doc.method.map((m) => [m.title, m.columns.length])).toEqual([
      ['Arbeitsphase I', 5],
      ['Arbeitsphase II', 5],
    ])
  })

  it('names every workshop in the agenda with its speakers, at the times the day ran (after a shift)', () => {
    const file = koelnEvent()
    const phase = file.programme!.items.find((i) => i.workshops.length > 0)!
    const shifted = { ...file, programme: { ...file.programme!, shifts: [{ from: '00:00', minutes: 15 }] } }
    const agenda = buildEventDocumentation(shifted).agenda
    const line = agenda.find((a) => a.title.startsWith(phase.title))!
    expect(line.detail.split('\n')).toHaveLength(phase.workshops.length)
    expect(line.detail).toContain(`Workshop ${phase.workshops[0]!.number}: ${phase.workshops[0]!.title} – Mit ${phase.workshops[0]!.speakers[0]}`)
    expect(agenda[0]!.time).toBe('09:15')
  })

  it('keeps the speakers and the room of a plenary item that has a description (the keynote lost its speaker)', () => {
    const file = koelnEvent()
    const keynote = file.programme!.items.find((i) => i.kind === 'plenary' && i.description && i.people.length > 0)!
    const line = buildEventDocumentation(file).agenda.find((a) => a.title.startsWith(keynote.title))!
    expect(line.detail).toContain(keynote.people[0]!)
    if (keynote.room) expect(line.detail).toContain(keynote.room)
    expect(line.detail).toContain(keynote.description)
  })

  it('counts a day with theme tables and workshops as both, not every workshop as a Thementisch', () => {
    const koeln = koelnEvent()
    const winnenden = winnendenEvent()
    const workshop = koeln.programme!.items.find((i) => i.workshops.length > 0)!.workshops[0]!
    const both = { ...winnenden, programme: koeln.programme, workshopBoards: [{ workshopId: workshop.id, columns: [{ columnId: 'ergebnisse', cards: [{ text: 'Eine Anlaufstelle', subPoints: [] }] }] }] }
    const cards = buildEventDocumentation(winnenden).sheets.reduce((n, s) => n + s.cardCount, 0)
    expect(buildEventDocumentation(both).summary).toBe(`11 Thementische · 1 Workshop · ${cards + 1} Karten`)
  })
  it('heads a workshop’s chapter with its title and subtitle, and its phase line with the phase’s subtitle and the speakers, never a workshop’s subtitle as its phase', () => {
    const koeln = koelnEvent()
    const phase = koeln.programme!.items.find((i) => i.workshops.length > 1)!
    const withSpeakers = phase.workshops.find((w) => w.speakers.length > 0)!
    const without = { ...phase.workshops.find((w) => w.id !== withSpeakers.id)!, speakers: [], subtitle: 'Erfahrungen aus zwei Landkreisen' }
    const programme = { ...koeln.programme!, items: koeln.programme!.items.map((i) => (i.id === phase.id ? { ...i, subtitle: 'Praxisbeispiele und Erfahrungsaustausch', workshops: i.workshops.map((w) => (w.id === without.id ? without : w)) } : i)) }
    const card = { columnId: 'ergebnisse', cards: [{ text: 'Eine Anlaufstelle', subPoints: [] }] }
    const file = { ...koeln, programme, workshopBoards: [withSpeakers, without].map((w) => ({ workshopId: w.id, columns: [card] })) }
    const [first, second] = buildEventDocumentation(file).sheets.filter((s) => s.workshop)
    const phaseLine = `${phase.title}: Praxisbeispiele und Erfahrungsaustausch`
    expect(first!.stations[0]!.heading).toBe(`${phaseLine} – Mit ${withSpeakers.speakers.join('; ')}`)
    expect(second!.table.name).toBe(`Workshop ${without.number}: ${without.title} – Erfahrungen aus zwei Landkreisen`)
    expect(second!.stations[0]!.heading).toBe(phaseLine)
  })
})
