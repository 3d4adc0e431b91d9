import { describe, expect, it } from 'vitest'
import { foldShifts, localDayClock, myWorkshopNow, phaseOver, schedule, shiftRestOfDay, whatIsOn } from './programme-clock.js'
import { type Programme, type ProgrammeInput, SHIFTS_MAX, minuteOf, personalCodeSchema, programmeSchema, storedProgrammeSchema } from './programme.schema.js'
import { invalidMessage } from '../wire/failure.js'
import { alternativesIn, chooseWorkshop, countSeats, hintFor, pastThreshold } from './seat-rules.js'

const ws = (n: number, capacity: number | null, extra: object = {}) => ({ id: `ws-${n}`, number: n, title: `Workshop ${n}`, room: `Raum ${n}`, capacity, ...extra })
const day: ProgrammeInput = {
  date: '2018-06-19',
  items: [
    { id: 'ankommen', kind: 'plenary', title: 'Ankommen', start: '09:00', end: '09:30' },
    { id: 'begruessung', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:10' },
    { id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [ws(1, 10), ws(2, 10), ws(3, 10), ws(4, 20), ws(5, 10)] },
    { id: 'mittag', kind: 'break', title: 'Mittagspause', start: '13:00', end: '14:00' },
    { id: 'abschluss', kind: 'plenary', title: 'Abschlussrunde', start: '16:00', end: '16:30' },
  ],
}
const programme: Programme = programmeSchema.parse(day)
const at = (time: string, date = '2018-06-19') => ({ date, minute: minuteOf(time) })
const titles = (items: { item: { title: string } }[]) => items.map((s) => s.item.title)

describe('what is on', () => {
  it.each([
    // clock, now, next
    ['09:10', ['Ankommen'], 'Begrüßung'],
    ['09:30', ['Begrüßung'], 'Arbeitsphase I'],
    ['10:30', [], 'Arbeitsphase I'],
    ['12:59', ['Arbeitsphase I'], 'Mittagspause'],
    ['16:10', ['Abschlussrunde'], null],
  ])('at %s runs %j, next is %s', (time, now, next) => {
    const on = whatIsOn(programme, at(time))
    expect(on.state).toBe('day')
    if (on.state !== 'day') return
    expect(titles(on.now)).toEqual(now)
    expect(on.next?.item.title ?? null).toBe(next)
  })

  it('is "before" on an earlier day and early in the morning, "after" once the last item ended or the day passed', () => {
    expect(whatIsOn(programme, at('12:00', '2018-06-12'))).toMatchObject({ state: 'before', next: { item: { title: 'Ankommen' } } })
    expect(whatIsOn(programme, at('08:30'))).toMatchObject({ state: 'before' })
    expect(whatIsOn(programme, at('16:30')).state).toBe('after')
    expect(whatIsOn(programme, at('10:00', '2018-06-20')).state).toBe('after')
    expect(whatIsOn(programmeSchema.parse({ items: [] }), at('10:00')).state).toBe('empty')
  })

  it('is "after" once the event was ended, also before its day or in the middle of it', () => {
    expect(whatIsOn(programme, at('12:00', '2018-06-12'), true).state).toBe('after')
    expect(whatIsOn(programme, at('10:30'), true).state).toBe('after')
  })

  it('reads the event day in its own time zone, whatever the device says', () => {
    // 09:45 UTC is 11:45 in Köln in June (summer time).
    expect(localDayClock(Date.UTC(2018, 5, 19, 9, 45), 'Europe/Berlin')).toEqual({ date: '2018-06-19', minute: minuteOf('11:45') })
    expect(localDayClock(Date.UTC(2018, 5, 18, 22, 30), 'Europe/Berlin')).toEqual({ date: '2018-06-19', minute: 30 })
    expect(localDayClock(0, 'Mars/Olympus')).toEqual({ date: '1970-01-01', minute: 0 })
  })

  it('shows the workshop a participant chose while its phase runs, and nothing in a plenary', () => {
    const mine = new Map([['phase-1', 'ws-3']])
    expect(myWorkshopNow(whatIsOn(programme, at('12:00')), mine)?.workshop).toMatchObject({ number: 3, room: 'Raum 3' })
    expect(myWorkshopNow(whatIsOn(programme, at('09:40')), mine)).toBeNull()
    expect(myWorkshopNow(whatIsOn(programme, at('12:00')), new Map())).toBeNull()
  })
})

describe('shifting the rest of the day', () => {
  it('moves what has not started and lengthens what runs, from the moment it is made', () => {
    const late = shiftRestOfDay(programme, minuteOf('11:40'), 15)!
    const times = schedule(late).map((s) => [s.item.id, s.start, s.end])
    expect(times).toEqual([
      ['ankommen', minuteOf('09:00'), minuteOf('09:30')],
      ['begruessung', minuteOf('09:30'), minuteOf('10:10')],
      ['phase-1', minuteOf('11:30'), minuteOf('13:15')],
      ['mittag', minuteOf('13:15'), minuteOf('14:15')],
      ['abschluss', minuteOf('16:15'), minuteOf('16:45')],
    ])
    const on = whatIsOn(late, at('13:10'))
    expect(on.state === 'day' && titles(on.now)).toEqual(['Arbeitsphase I'])
  })

  it('adds a second shift on top of the first, counted from the wall clock', () => {
    const twice = shiftRestOfDay(shiftRestOfDay(programme, minuteOf('11:40'), 15)!, minuteOf('14:00'), 10)!
    const lunch = schedule(twice).find((s) => s.item.id === 'mittag')!
    const end = schedule(twice).find((s) => s.item.id === 'abschluss')!
    expect([lunch.start, lunch.end]).toEqual([minuteOf('13:15'), minuteOf('14:25')])
    expect([end.start, end.end]).toEqual([minuteOf('16:25'), minuteOf('16:55')])
  })

  it('folds the shifts into the times once the day holds the most, and shifts on (the 41st dropped the first before)', () => {
    let day = shiftRestOfDay(programme, minuteOf('09:00'), 60, 'erste')
    for (let i = 1; i < SHIFTS_MAX; i++) day = shiftRestOfDay(day, minuteOf('09:00') + 60 + i, 1)
    expect(day.shifts).toHaveLength(SHIFTS_MAX)
    const times = (p: Programme) => schedule(p).map((s) => [s.item.id, s.start, s.end])
    const lunch = (p: Programme) => schedule(p).find((s) => s.item.id === 'mittag')!.start
    expect(lunch(day)).toBe(minuteOf('13:00') + 60 + SHIFTS_MAX - 1)
    // Folded, the day runs exactly as before, without shifts.
    expect(times(foldShifts(day))).toEqual(times(day))
    expect(foldShifts(day).shifts).toEqual([])
    const more = shiftRestOfDay(day, minuteOf('11:00'), 5, 'danach')
    expect(more.shifts).toHaveLength(1)
    expect(lunch(more)).toBe(lunch(day) + 5)
    // A folded shift sent again (its answer lost) still counts once.
    expect(shiftRestOfDay(more, minuteOf('11:01'), 60, 'erste')).toBe(more)
  })

  it('makes a shift sent again under its id once (its answer was lost)', () => {
    const once = shiftRestOfDay(programme, minuteOf('11:40'), 15, 'verschieben-1')!
    expect(shiftRestOfDay(once, minuteOf('11:41'), 15, 'verschieben-1')).toBe(once)
    expect(shiftRestOfDay(once, minuteOf('11:41'), 15, 'verschieben-2')!.shifts).toHaveLength(2)
  })
})

describe('choosing a workshop', () => {
  const counts = (entries: [number, number][]) => new Map(entries.map(([n, c]) => [`ws-${n}`, c]))

  it('takes a free seat, moves a seat within the phase and keeps one already held', () => {
    expect(chooseWorkshop(programme, counts([]), null, 'phase-1', 'ws-1')).toEqual({ ok: true, changed: true, hint: null })
    expect(chooseWorkshop(programme, counts([[1, 5]]), 'ws-1', 'phase-1', 'ws-2')).toMatchObject({ ok: true, changed: true })
    expect(chooseWorkshop(programme, counts([[1, 10]]), 'ws-1', 'phase-1', 'ws-1')).toMatchObject({ ok: true, changed: false })
    expect(chooseWorkshop(programme, counts([]), 'ws-1', 'phase-1', null)).toEqual({ ok: true, changed: true, hint: null })
  })

  it('refuses a full workshop and names the free ones of the phase, least filled first', () => {
    const outcome = chooseWorkshop(programme, counts([[5, 10], [1, 9], [2, 3], [3, 10], [4, 4]]), null, 'phase-1', 'ws-5')
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.reason).toBe('FULL')
    // ws-4: 4 of 20 (20 %), ws-2: 3 of 10 (30 %), ws-1: 9 of 10; ws-3 is full.
    expect(outcome.alternatives.map((w) => w.id)).toEqual(['ws-4', 'ws-2', 'ws-1'])
  })

  it('refuses a closed workshop, an unknown one and an unknown phase; the organiser may seat beyond both limits', () => {
    const closed = programmeSchema.parse({ ...day, items: day.items.map((i) => (i.id === 'phase-1' ? { ...i, workshops: [ws(1, 10, { closed: true }), ws(2, 10)] } : i)) })
    expect(chooseWorkshop(closed, counts([]), null, 'phase-1', 'ws-1')).toMatchObject({ ok: false, reason: 'CLOSED' })
    expect(chooseWorkshop(closed, counts([]), null, 'phase-1', 'ws-9')).toMatchObject({ ok: false, reason: 'UNKNOWN_WORKSHOP' })
    expect(chooseWorkshop(closed, counts([]), null, 'mittag', 'ws-1')).toMatchObject({ ok: false, reason: 'UNKNOWN_PHASE' })
    expect(chooseWorkshop(closed, counts([]), null, 'phase-1', 'ws-1', { byOrganiser: true })).toMatchObject({ ok: true })
    expect(chooseWorkshop(programme, counts([[1, 10]]), null, 'phase-1', 'ws-1', { byOrganiser: true })).toMatchObject({ ok: true })
    // The day is over: a participant changes nothing any more, not even taking a choice back; the organiser still may.
    expect(chooseWorkshop(programme, counts([]), null, 'phase-1', 'ws-1', { dayClosed: true })).toEqual({ ok: false, reason: 'DAY_CLOSED', alternatives: [] })
    expect(chooseWorkshop(programme, counts([[1, 1]]), 'ws-1', 'phase-1', null, { dayClosed: true })).toMatchObject({ ok: false, reason: 'DAY_CLOSED' })
    expect(chooseWorkshop(programme, counts([]), null, 'phase-1', 'ws-1', { byOrganiser: true, dayClosed: true })).toMatchObject({ ok: true })
  })

  it('gives the hint from the threshold on (80 % by default), with the least-filled alternatives', () => {
    const phase = programme.items[2]!
    const five = phase.workshops[4]!
    expect(pastThreshold(five, 7)).toBe(false)
    expect(pastThreshold(five, 8)).toBe(true)
    // The eighth seat passes the threshold: the chooser hears it at once.
    const outcome = chooseWorkshop(programme, counts([[5, 7], [1, 6], [2, 1], [3, 0]]), null, 'phase-1', 'ws-5')
    expect(outcome).toMatchObject({ ok: true, hint: [{ id: 'ws-3' }, { id: 'ws-4' }, { id: 'ws-2' }] })
    expect(hintFor(phase, five, counts([[5, 7]]))).toBeNull()
    expect(alternativesIn(phase, counts([]), 'ws-5', 2).map((w) => w.id)).toEqual(['ws-1', 'ws-2'])
  })

  it('gives the hint one seat before the last at the latest, so a small workshop is "sehr gefragt" before it is full', () => {
    const five = programme.items[2]!.workshops[4]!
    const small = (capacity: number, threshold = 0.8) => ({ ...five, capacity, threshold })
    // 80 % of 4 seats rounds up to all 4: the hint came only with "ausgebucht".
    expect([2, 3].map((n) => pastThreshold(small(4), n))).toEqual([false, true])
    expect([0, 1].map((n) => pastThreshold(small(2), n))).toEqual([false, true])
    // One seat has nothing before the last; 100 % means full only; a limit of 0 % still waits for someone.
    expect([0, 1].map((n) => pastThreshold(small(1), n))).toEqual([false, true])
    expect([3, 4].map((n) => pastThreshold(small(4, 1), n))).toEqual([false, true])
    expect([0, 1].map((n) => pastThreshold(small(10, 0.05), n))).toEqual([false, true])
  })

  it('counts a seat per booking that names a workshop', () => {
    const b = (workshopId: string | null) => ({ participantId: 'abcdefgh', phaseId: 'phase-1', workshopId, at: 0, by: 'self' as const })
    expect([...countSeats([b('ws-1'), b('ws-1'), b(null), b('ws-2')])]).toEqual([['ws-1', 2], ['ws-2', 1]])
  })
})

describe('the programme schema', () => {
  it('refuses an item that ends before it starts, workshops outside a work phase and a workshop number used twice', () => {
    expect(programmeSchema.safeParse({ items: [{ id: 'a', kind: 'plenary', title: 'A', start: '10:00', end: '09:00' }] }).success).toBe(false)
    expect(programmeSchema.safeParse({ items: [{ id: 'a', kind: 'plenary', title: 'A', start: '09:00', end: '10:00', workshops: [ws(1, 5)] }] }).success).toBe(false)
    const twice = { items: [{ id: 'a', kind: 'work-phase', title: 'A', start: '09:00', end: '10:00', workshops: [ws(1, 5), { ...ws(2, 5), number: 1 }] }] }
    expect(programmeSchema.safeParse(twice).success).toBe(false)
    expect(programmeSchema.safeParse({ items: [{ id: 'a', kind: 'plenary', title: 'A', start: '9:00', end: '10:00' }] }).success).toBe(false)
  })

  it('refuses a programme larger than one control message may carry, counted in UTF-8', () => {
    const long = (i: number) => ({ id: `ws-${i}`, number: i, title: 'Ü'.repeat(200), description: '€'.repeat(4000), capacity: 10 })
    const phase = (n: number) => ({ id: `p-${n}`, kind: 'work-phase', title: 'P', start: '09:00', end: '10:00', workshops: Array.from({ length: 10 }, (_, i) => long(n * 10 + i + 1)) })
    expect(programmeSchema.safeParse({ items: [phase(0)] }).success).toBe(true)
    expect(programmeSchema.safeParse({ items: [0, 1, 2].map(phase) }).success).toBe(false)
  })

  it('takes only time zones the runtime knows, and names a wrong one as the field at fault', () => {
    for (const zone of ['Europe/Berlin', 'UTC', 'America/New_York']) expect(programmeSchema.safeParse({ timeZone: zone, items: [] }).success, zone).toBe(true)
    for (const zone of ['Europe/Berln', 'Mitteleuropa', '<script>']) {
      const parsed = programmeSchema.safeParse({ timeZone: zone, items: [] })
      expect(parsed.success, zone).toBe(false)
      expect(invalidMessage(parsed.error!)).toMatchObject({ ok: false, code: 'INVALID_MESSAGE', params: { path: ['timeZone'], issue: 'unknown_reference', value: zone } })
    }
    expect(programmeSchema.parse({ items: [] }).timeZone).toBe('Europe/Berlin')
  })

  it('still reads a programme stored with an unknown zone, as the default zone', () => {
    expect(storedProgrammeSchema.parse({ timeZone: 'Europe/Berln', items: [] }).timeZone).toBe('Europe/Berlin')
    expect(storedProgrammeSchema.parse({ timeZone: 'Asia/Tokyo', items: [] }).timeZone).toBe('Asia/Tokyo')
  })
})

describe('a work phase that is over', () => {
  const dated = programme
  const undated = { ...programme, date: null }
  it('is over on its day once it has ended (after the shifts), and only then', () => {
    expect(phaseOver(dated, 'phase-1', { date: '2018-06-19', minute: 11 * 60 })).toBe(false)
    expect(phaseOver(dated, 'phase-1', { date: '2018-06-19', minute: 17 * 60 })).toBe(true)
    // Moved 30 minutes later at 10:00, it runs until half an hour later than planned.
    const shifted = shiftRestOfDay(dated, 10 * 60, 30)
    const end = schedule(shifted).find((s) => s.item.id === 'phase-1')!.end
    expect(phaseOver(shifted, 'phase-1', { date: '2018-06-19', minute: end - 1 })).toBe(false)
    expect(phaseOver(shifted, 'phase-1', { date: '2018-06-19', minute: end })).toBe(true)
    // Days before, a programme without a date, and a day long past (a rehearsal of a seeded day): open.
    expect(phaseOver(dated, 'phase-1', { date: '2018-06-18', minute: 17 * 60 })).toBe(false)
    expect(phaseOver(undated, 'phase-1', { date: '2018-06-19', minute: 23 * 60 })).toBe(false)
    expect(phaseOver(dated, 'phase-1', { date: '2026-12-04', minute: 17 * 60 })).toBe(false)
  })

  it('refuses a participant’s choice there, not the organiser’s', () => {
    expect(chooseWorkshop(dated, new Map(), null, 'phase-1', 'ws-1', { phaseOver: true })).toEqual({ ok: false, reason: 'PHASE_OVER', alternatives: [] })
    expect(chooseWorkshop(dated, new Map(), null, 'phase-1', 'ws-1', { phaseOver: true, byOrganiser: true })).toMatchObject({ ok: true })
  })
})

describe('the personal code', () => {
  it('is read as people type it: any case, spaces or dashes between the groups', () => {
    for (const typed of ['F4K8X2', 'f4k8x2', ' F4K 8X2 ', 'F4K-8X2', 'f4k–8x2', 'F4K.8X2']) expect(personalCodeSchema.parse(typed), typed).toBe('F4K8X2')
    for (const wrong of ['', 'F4K8X', 'F4K8X2A', 'O4K8X2', 'F4K8X1']) expect(personalCodeSchema.safeParse(wrong).success, wrong).toBe(false)
  })
})

