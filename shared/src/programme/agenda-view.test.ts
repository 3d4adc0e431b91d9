import { describe, expect, it } from 'vitest'
import { agendaItemSchema } from '../event/event.schema.js'
import { AGENDA_LAST_ITEM_MINUTES, agendaOf, programmeFromAgenda } from './agenda-view.js'
import { myWorkshops, whatIsOn } from './programme-clock.js'
import { minuteOf, programmeSchema, timeOf } from './programme.schema.js'

/** The Winnenden agenda as its event file has it (seed 003): times and titles only. */
const WINNENDEN = [
  { time: '09:30', title: 'Ankommen und Anmeldung', detail: '' },
  { time: '10:00', title: 'Begrüßung', detail: 'Oberbürgermeister' },
  { time: '10:45', title: 'Erfahrungsaustausch – Station 1', detail: '' },
  { time: '12:15', title: 'Mittagspause', detail: '' },
  { time: '13:00', title: 'Erfahrungsaustausch – Station 2', detail: '' },
  { time: '15:30', title: 'Abschluss', detail: '' },
].map((a) => agendaItemSchema.parse(a))

describe('an agenda read as the programme (event files from before the programme)', () => {
  const programme = programmeFromAgenda(WINNENDEN, '2019-07-02')!

  it('runs each line until the next starts and the last one half an hour; breaks are breaks', () => {
    expect(programme.items.map((i) => [i.start, i.end, i.kind])).toEqual([
      ['09:30', '10:00', 'plenary'],
      ['10:00', '10:45', 'plenary'],
      ['10:45', '12:15', 'plenary'],
      ['12:15', '13:00', 'break'],
      ['13:00', '15:30', 'plenary'],
      ['15:30', timeOf(minuteOf('15:30') + AGENDA_LAST_ITEM_MINUTES), 'plenary'],
    ])
    expect(programme.items[1]).toMatchObject({ id: 'begruessung', title: 'Begrüßung', description: 'Oberbürgermeister' })
    expect(programme.date).toBe('2019-07-02')
  })

  it('shows what is on now and next on the day', () => {
    const on = whatIsOn(programme, { date: '2019-07-02', minute: minuteOf('11:00') })
    expect(on).toMatchObject({ state: 'day', now: [{ item: { title: 'Erfahrungsaustausch – Station 1' } }], next: { item: { title: 'Mittagspause' } } })
  })

  it('keeps lines at the same minute apart, gives repeated titles their own ids, and is null for no agenda', () => {
    const twice = programmeFromAgenda(
      [
        { time: '10:00', title: 'Pause', detail: '' },
        { time: '10:00', title: 'Pause', detail: '' },
        { time: '23:58', title: '!!!', detail: '' },
      ],
      null,
    )!
    expect(twice.items.map((i) => i.id)).toEqual(['pause', 'pause-2', 'punkt'])
    expect(twice.items.every((i) => minuteOf(i.end) > minuteOf(i.start))).toBe(true)
    expect(programmeFromAgenda([], null)).toBeNull()
  })
})

describe('the agenda as a view of the programme', () => {
  it('has one line per item in the order of the day, with the workshops of a phase named', () => {
    const programme = programmeSchema.parse({
      date: '2018-06-19',
      items: [
        { id: 'phase', kind: 'work-phase', title: 'Arbeitsphase I', subtitle: 'Praxisbeispiele', start: '11:30', end: '13:00', workshops: [{ id: 'w1', number: 1, title: 'Eins' }, { id: 'w2', number: 2, title: 'Zwei' }] },
        { id: 'begruessung', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:00', room: 'Saal', people: ['A. Muster'] },
      ],
    })
    expect(agendaOf(programme)).toEqual([
      { time: '09:30', title: 'Begrüßung', detail: 'Saal · A. Muster' },
      { time: '11:30', title: 'Arbeitsphase I: Praxisbeispiele', detail: 'Workshops 1, 2' },
    ])
    expect(agendaOf(programme).every((a) => agendaItemSchema.safeParse(a).success)).toBe(true)
  })

  it('survives the round trip agenda → programme → agenda unchanged', () => {
    expect(agendaOf(programmeFromAgenda(WINNENDEN, null)!)).toEqual(WINNENDEN)
  })
})

describe("one's booked workshops", () => {
  it('lists per phase the chosen workshop in the order of the day, after shifts, and skips unknown choices', () => {
    const programme = programmeSchema.parse({
      date: null,
      items: [
        { id: 'p2', kind: 'work-phase', title: 'II', start: '14:00', end: '15:00', workshops: [{ id: 'w6', number: 6, title: 'Sechs' }] },
        { id: 'p1', kind: 'work-phase', title: 'I', start: '11:30', end: '13:00', workshops: [{ id: 'w1', number: 1, title: 'Eins' }] },
      ],
      shifts: [{ from: '12:00', minutes: 15 }],
    })
    const booked = myWorkshops(programme, new Map([['p2', 'w6'], ['p1', 'w1'], ['gone', 'w9']]))
    expect(booked.map((b) => [b.workshop.number, b.phase.start])).toEqual([
      [1, minuteOf('11:30')],
      [6, minuteOf('14:15')],
    ])
    expect(myWorkshops(programme, new Map([['p1', 'w6']]))).toEqual([])
  })
})
