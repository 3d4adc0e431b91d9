import { readFileSync } from 'node:fs'
import path from 'node:path'
import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, type ChoiceAnswer, type LookupAnswer, type ProgrammeInput, type ProgrammeState, type ProgrammeView, type Roster, SHIFTS_MAX, WIRE_VERSION, schedule } from '@tischrunde/shared'
import { createEvent, join } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { sleep, waitFor } from './helpers/wait.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets: Socket[] = []

beforeEach(async () => {
  data = await tempDataDir('programme-signup')
})
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await running?.close()
  running = undefined
  await data.remove()
})

type Answer<T> = { ok: true; data: T } | (Ack & { ok: false })

/** A screen of the event over Socket.IO that remembers the last programme state it was sent. */
async function screen(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  const states: ProgrammeState[] = []
  socket.on('programme:state', (s: ProgrammeState) => states.push(s))
  socket.on('programme:counts', (c: Pick<ProgrammeState, 'counts'>) => states.length && states.push({ ...states.at(-1)!, counts: c.counts }))
  const mine: { choices: Record<string, string> }[] = []
  socket.on('programme:mine', (m: { choices: Record<string, string> }) => mine.push(m))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  const send = async <T = unknown>(name: string, payload: unknown) => (await socket.emitWithAck(name, payload)) as Answer<T>
  return { socket, send, last: () => states.at(-1), mine: () => mine.at(-1) }
}

const workshop = (n: number, capacity: number) => ({ id: `ws-${n}`, number: n, title: `Workshop ${n}`, room: `Raum ${n}`, capacity })
const DAY: ProgrammeInput = {
  date: '2018-06-19',
  items: [
    { id: 'begruessung', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:10' },
    { id: 'phase-1', kind: 'work-phase', title: 'Arbeitsphase I', start: '11:30', end: '13:00', workshops: [workshop(1, 10), workshop(2, 12), workshop(3, 12)] },
    { id: 'phase-2', kind: 'work-phase', title: 'Arbeitsphase II', start: '14:00', end: '15:45', workshops: [workshop(6, 40)] },
  ],
}

describe('workshop sign-up with 30 phones at once', () => {
  it('fills a workshop of 10 seats at exactly 10, refuses the rest with the free alternatives, and keeps the counts over a restart', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum', tableNames: [] })
    const console_ = await screen(running.url, event.facilitatorToken)
    expect(await console_.send('programme:save', { programme: DAY, expectedVersion: null })).toEqual({ ok: true, data: { version: 1 } })

    const people = await Promise.all(Array.from({ length: 30 }, () => join(running!.url, event.joinCode)))
    const phones = await Promise.all(people.map((p) => screen(running!.url, p.token)))
    const answers = await Promise.all(phones.map((phone) => phone.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })))

    const booked = answers.filter((a) => a.ok && a.data.booked)
    const refused = answers.filter((a) => a.ok && !a.data.booked)
    expect(booked).toHaveLength(10)
    expect(refused).toHaveLength(20)
    for (const a of refused) expect(a).toMatchObject({ ok: true, data: { booked: false, reason: 'FULL', alternatives: ['ws-2', 'ws-3'] } })
    // The seats past 80 % came with the seed's hint: the 8th, 9th and 10th.
    expect(booked.filter((a) => a.ok && a.data.booked && a.data.hint !== null)).toHaveLength(3)

    // The console hears the counts live.
    await waitFor(() => console_.last()?.counts['ws-1'] === 10 || undefined, 'the console counting 10 in workshop 1')

    // The refused take the alternatives they were offered; the 11th of a full workshop hears the same.
    const refusedPhones = phones.filter((_, i) => answers[i]!.ok && !(answers[i] as { data: ChoiceAnswer }).data.booked)
    const second = await Promise.all(refusedPhones.map((phone, i) => phone.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: i % 2 ? 'ws-2' : 'ws-3' })))
    expect(second.every((a) => a.ok && a.data.booked)).toBe(true)
    const eleventh = await join(running.url, event.joinCode)
    const late = await screen(running.url, eleventh.token)
    expect(await late.send('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: false, reason: 'FULL', alternatives: ['ws-2', 'ws-3'] } })
    await waitFor(() => (console_.last()?.counts['ws-2'] === 10 && console_.last()?.counts['ws-3'] === 10) || undefined, 'the alternatives counted')

    // Changing while seats are free moves the seat; a choice can be taken back.
    const mover = phones[0]!
    const moved = await mover.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-2' })
    expect(moved.ok && moved.data.booked).toBe(true)

    await running.close()
    running = await startServer(data.dir)
    const again = await screen(running.url, event.facilitatorToken)
    const view = await again.send<ProgrammeView>('programme:get', {})
    expect(view.ok && view.data.counts).toEqual(
      (answers[0] as { data: ChoiceAnswer }).data.booked ? { 'ws-1': 9, 'ws-2': 11, 'ws-3': 10 } : { 'ws-1': 10, 'ws-2': 11, 'ws-3': 9 },
    )
    // After the restart the rule still holds: the freed seat (if any) goes once, then it is full again.
    const rest = await Promise.all(Array.from({ length: 3 }, () => join(running!.url, event.joinCode)))
    const restPhones = await Promise.all(rest.map((p) => screen(running!.url, p.token)))
    await Promise.all(restPhones.map((p) => p.send('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })))
    const final = await again.send<ProgrammeView>('programme:get', {})
    expect(final.ok && final.data.counts['ws-1']).toBe(10)
  })
})

describe('the organiser and the personal code', () => {
  it('closes a workshop, raises its seats, moves a person, and a code brings the choices to another device', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum', tableNames: [] })
    const console_ = await screen(running.url, event.facilitatorToken)
    await console_.send('programme:save', { programme: DAY, expectedVersion: null })
    const anna = await join(running.url, event.joinCode)
    const phone = await screen(running.url, anna.token)

    // Participants cannot run the programme.
    expect(await phone.send('programme:workshop', { workshopId: 'ws-1', closed: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await phone.send('programme:save', { programme: DAY, expectedVersion: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A stale save is refused.
    expect(await console_.send('programme:save', { programme: DAY, expectedVersion: 7 })).toMatchObject({ ok: false, code: 'STALE_VERSION' })
    // Two work phases at the same time are refused for every sender, not only by the console's form.
    const overlapping = { ...DAY, items: DAY.items.map((i) => (i.id === 'phase-2' ? { ...i, start: '12:30' } : i)) }
    expect(await console_.send('programme:save', { programme: overlapping, expectedVersion: 1 })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE', params: { path: ['programme', 'items', 2, 'start'] } })
    expect(await console_.send<ProgrammeView>('programme:get', {})).toMatchObject({ ok: true, data: { version: 1 } })
    // Bad input gets a code.
    expect(await phone.send('programme:choose', { phaseId: 'phase-1', workshopId: '<script>' })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
    expect(await phone.send('programme:choose', { phaseId: 'begruessung', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: false, reason: 'UNKNOWN_PHASE' } })

    expect(await console_.send('programme:workshop', { workshopId: 'ws-1', closed: true })).toMatchObject({ ok: true })
    expect(await phone.send('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1', displayName: 'Anna' })).toMatchObject({ ok: true, data: { booked: false, reason: 'CLOSED' } })
    const chosen = await phone.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-2', displayName: 'Anna' })
    expect(chosen).toMatchObject({ ok: true, data: { booked: true, mine: { choices: { 'phase-1': 'ws-2' }, displayName: 'Anna' } } })
    const code = chosen.ok ? chosen.data.mine.code : null
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)

    expect(await console_.send('programme:workshop', { workshopId: 'ws-1', closed: false, capacity: 30 })).toMatchObject({ ok: true })
    expect(await console_.send('programme:move', { participantId: anna.participantId, phaseId: 'phase-1', workshopId: 'ws-1' })).toEqual({ ok: true })
    const roster = await console_.send<Roster>('programme:roster', {})
    expect(roster).toEqual({ ok: true, data: { 'ws-1': [{ participantId: anna.participantId, displayName: 'Anna', by: 'organiser' }] } })

    // Another device: a fresh join, then the code.
    const other = await screen(running.url, (await join(running.url, event.joinCode)).token)
    expect(await other.send('programme:lookup', { code: 'ZZZZZZ' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const found = await other.send<LookupAnswer>('programme:lookup', { code: code!.toLowerCase() })
    expect(found).toMatchObject({ ok: true, data: { participantId: anna.participantId, mine: { choices: { 'phase-1': 'ws-1' } } } })
    const asAnna = await screen(running.url, (found as { data: LookupAnswer }).data.token)
    expect(await asAnna.send('programme:get', {})).toMatchObject({ ok: true, data: { mine: { choices: { 'phase-1': 'ws-1' }, code } } })
    // Her first device chooses again: the second follows without asking (it showed the old room).
    expect(await phone.send('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-3' })).toMatchObject({ ok: true, data: { booked: true } })
    await waitFor(() => (asAnna.mine()?.choices['phase-1'] === 'ws-3' ? true : undefined), 'the choice on her second device')
    // The organiser moves her back: both devices follow.
    expect(await console_.send('programme:move', { participantId: anna.participantId, phaseId: 'phase-1', workshopId: 'ws-1' })).toEqual({ ok: true })
    await waitFor(() => (asAnna.mine()?.choices['phase-1'] === 'ws-1' && phone.mine()?.choices['phase-1'] === 'ws-1' ? true : undefined), 'the move on both devices')
    // Nobody else hears of her choices.
    expect(other.mine()).toBeUndefined()

    // Guessing codes is paced per person: after a few look-ups this device waits ...
    const guesses = await Promise.all(Array.from({ length: 30 }, () => other.send('programme:lookup', { code: 'YYYYYY' })))
    expect(guesses.filter((g) => !g.ok && g.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(25)
    expect(await other.send('programme:lookup', { code: code! })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    // ... while someone else in the hall still finds their own code.
    const third = await screen(running.url, (await join(running.url, event.joinCode)).token)
    expect(await third.send('programme:lookup', { code: code! })).toMatchObject({ ok: true, data: { participantId: anna.participantId } })
    // And per event: many people guessing at once exhaust the event's budget too.
    const guessers = await Promise.all(Array.from({ length: 10 }, async () => screen(running.url, (await join(running.url, event.joinCode)).token)))
    const many = await Promise.all(guessers.flatMap((g) => Array.from({ length: 5 }, () => g.send('programme:lookup', { code: 'XXXXXX' }))))
    expect(many.filter((g) => !g.ok && g.code === 'RATE_LIMITED').length).toBeGreaterThan(0)
    // Someone who tries again and again meanwhile does not use up their own tries: once the event's
    // budget has a token again (one every 2 s), their right code goes through.
    const owner = await screen(running.url, (await join(running.url, event.joinCode)).token)
    for (let i = 0; i < 6; i++) expect(await owner.send('programme:lookup', { code: code! })).toMatchObject({ ok: false, code: 'RATE_LIMITED', params: { what: 'personal_codes' } })
    await sleep(2200)
    expect(await owner.send('programme:lookup', { code: code! })).toMatchObject({ ok: true, data: { participantId: anna.participantId } })

    // Shifting the rest of the day is recorded in the programme every screen gets.
    expect(await console_.send('programme:shift', { minutes: 15 })).toMatchObject({ ok: true })
    await waitFor(() => (phone.last()?.programme?.shifts.length === 1 ? true : undefined), 'the shift on the phone')
    // Up to the most a day holds, and on: the shifts are folded into the times, none is lost (the
    // 41st used to drop the first, and every time moved back).
    const day = async () => {
      const got = (await console_.send('programme:get', {})) as { data: ProgrammeView }
      return { shifts: got.data.programme!.shifts.length, times: schedule(got.data.programme!).map((s) => [s.start, s.end] as const) }
    }
    for (let i = 1; i < SHIFTS_MAX; i++) {
      // At a pace the command limit lets through (a person clicking "+1 Min").
      await sleep(150)
      expect(await console_.send('programme:shift', { minutes: 1 })).toMatchObject({ ok: true })
    }
    const full = await day()
    expect(full.shifts).toBe(SHIFTS_MAX)
    await sleep(150)
    expect(await console_.send('programme:shift', { minutes: 1 })).toMatchObject({ ok: true })
    const on = await day()
    expect(on.shifts).toBe(1)
    // One more minute: every time stays or moves one minute later, none earlier.
    on.times.forEach(([start, end], k) => {
      expect(start - full.times[k]![0]).toBeGreaterThanOrEqual(0)
      expect(start - full.times[k]![0]).toBeLessThanOrEqual(1)
      expect(end - full.times[k]![1]).toBeGreaterThanOrEqual(0)
      expect(end - full.times[k]![1]).toBeLessThanOrEqual(1)
    })
  })

  it('gives back the seats of a workshop taken out of the programme: one added later under its id starts empty', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum', tableNames: [] })
    const console_ = await screen(running.url, event.facilitatorToken)
    expect(await console_.send('programme:save', { programme: DAY, expectedVersion: null })).toMatchObject({ ok: true })
    const phone = await screen(running.url, (await join(running.url, event.joinCode)).token)
    expect(await phone.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })).toMatchObject({ ok: true, data: { booked: true } })
    const state = async () => ((await console_.send<ProgrammeView>('programme:get', {})) as { data: ProgrammeView }).data
    const without = { ...DAY, items: DAY.items.map((i) => ({ ...i, workshops: (i.workshops ?? []).filter((w) => w.id !== 'ws-1') })) }
    expect(await console_.send('programme:save', { programme: without, expectedVersion: (await state()).version })).toMatchObject({ ok: true })
    const other = { ...DAY, items: DAY.items.map((i) => ({ ...i, workshops: (i.workshops ?? []).map((w) => (w.id === 'ws-1' ? { ...w, title: 'Ein ganz anderer Workshop' } : w)) })) }
    expect(await console_.send('programme:save', { programme: other, expectedVersion: (await state()).version })).toMatchObject({ ok: true })
    expect((await state()).counts['ws-1'] ?? 0).toBe(0)
    expect(await phone.send('programme:get', {})).toMatchObject({ ok: true, data: { mine: { choices: {} } } })
    expect(await console_.send<Roster>('programme:roster', {})).toMatchObject({ ok: true, data: {} })
  })

  it('keeps no code or name for someone who only takes back a choice never made', async () => {
    running = await startServer(data.dir)
    const event = await createEvent(running.url, { title: 'Transferforum', tableNames: [] })
    const console_ = await screen(running.url, event.facilitatorToken)
    await console_.send('programme:save', { programme: DAY, expectedVersion: null })
    const strangers = await Promise.all(Array.from({ length: 5 }, async () => screen(running!.url, (await join(running!.url, event.joinCode)).token)))
    for (const s of strangers) expect(await s.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: null, displayName: 'x'.repeat(40) })).toMatchObject({ ok: true, data: { booked: true, mine: { code: null } } })
    const stored = readFileSync(path.join(data.dir, 'events.json'), 'utf8')
    expect(stored).not.toContain('x'.repeat(40))
    expect(stored).not.toMatch(/programme-(people|codes)"\s*:\s*\{\s*"/)
    // Someone who books gets their code as before.
    const booked = await strangers[0]!.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1' })
    expect(booked.ok && booked.data.mine.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
  })
})
