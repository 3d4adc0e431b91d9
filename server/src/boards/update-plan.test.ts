import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '@tischrunde/shared'
import { planUpdate } from './update-plan.js'
import { tryOnCopy } from './write-gate.js'

const WATCHED = new Set(['cards'])

/** Sorted by key, for comparing change lists whatever their order. */
const byKey = (changes: readonly { root: string; key: string }[]) => [...changes].sort((a, b) => `${a.root}/${a.key}`.localeCompare(`${b.root}/${b.key}`))

/** The same update judged both ways: read from its bytes, and applied to a copy of the doc. */
function both(server: Y.Doc, update: Uint8Array) {
  const plan = planUpdate(server, update, WATCHED)
  const trial = tryOnCopy(server, update, WATCHED)
  trial.doc.destroy()
  return { plan, trial }
}

/** Everything `from` holds that `to` lacks. */
const diff = (from: Y.Doc, to: Y.Doc) => Y.encodeStateAsUpdate(from, Y.encodeStateVector(to))

/** A seeded random source, so a failing case can be replayed (an LCG's low bits, `s % n`, alternate). */
function random(seed: number) {
  const next = seededRandom(seed)
  return (n: number) => Math.floor(next() * n)
}

describe('planUpdate', () => {
  it('reads a new card, an edit and a deletion from the update as applying it would show them', () => {
    const server = new Y.Doc()
    const phone = new Y.Doc()
    const cards = phone.getMap('cards')
    const steps: Uint8Array[] = []
    phone.on('update', (u: Uint8Array) => steps.push(u))
    cards.set('a', { id: 'a', text: 'Sprachkurse am Abend' })
    cards.set('a', { id: 'a', text: 'Sprachkurse am Abend und am Wochenende' })
    cards.set('b', { id: 'b', text: 'Kinderbetreuung' })
    cards.delete('a')
    const seen = steps.map((step) => {
      const judged = both(server, step)
      Y.applyUpdate(server, step)
      return judged
    })
    expect(seen.map((s) => s.plan?.changes)).toEqual([
      [{ root: 'cards', key: 'a', before: undefined, after: { id: 'a', text: 'Sprachkurse am Abend' } }],
      [{ root: 'cards', key: 'a', before: { id: 'a', text: 'Sprachkurse am Abend' }, after: { id: 'a', text: 'Sprachkurse am Abend und am Wochenende' } }],
      [{ root: 'cards', key: 'b', before: undefined, after: { id: 'b', text: 'Kinderbetreuung' } }],
      [{ root: 'cards', key: 'a', before: { id: 'a', text: 'Sprachkurse am Abend und am Wochenende' }, after: undefined }],
    ])
    for (const s of seen) expect(s.plan?.changes).toEqual(s.trial.changes)
  })

  it('leaves a write concurrent with another one to the copy, and finds a write to a root the clients do not write', () => {
    const server = new Y.Doc()
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getMap('cards').set('x', { id: 'x', text: 'eins' })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    b.getMap('cards').set('x', { id: 'x', text: 'zwei' })
    a.getMap('cards').set('x', { id: 'x', text: 'drei' })
    Y.applyUpdate(server, diff(a, server))
    // b wrote on top of a version the server has replaced meanwhile: Yjs's order decides.
    expect(planUpdate(server, diff(b, server), WATCHED)).toBeNull()

    server.getMap('$writers').set('1', 'server')
    const intruder = new Y.Doc()
    Y.applyUpdate(intruder, Y.encodeStateAsUpdate(server))
    intruder.getMap('$writers').set('1', 'someone')
    const judged = both(server, diff(intruder, server))
    expect(judged.plan).toEqual({ changes: [], outside: true, repeats: false })
    expect(judged.trial.outside).toBe(true)
  })

  it('says when an update repeats items the doc has, which Yjs skips whatever they hold', () => {
    const server = new Y.Doc()
    const phone = new Y.Doc()
    phone.getMap('cards').set('a', { id: 'a', text: 'Sprachkurse am Abend' })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(phone))
    phone.getMap('cards').set('b', { id: 'b', text: 'Kinderbetreuung' })
    // Only what is new: its own bytes stand for what it does.
    expect(planUpdate(server, diff(phone, server), WATCHED)?.repeats).toBe(false)
    // The phone's whole state (a reconnect's sync reply): card a again, then b.
    const whole = planUpdate(server, Y.encodeStateAsUpdate(phone), WATCHED)
    expect(whole?.changes.map((c) => c.key)).toEqual(['b'])
    expect(whole?.repeats).toBe(true)
  })

  it('agrees with applying the update on a copy for every update it reads (random offline phones)', () => {
    let readWithChanges = 0
    for (let seed = 1; seed <= 60; seed++) {
      const pick = random(seed)
      const server = new Y.Doc()
      const phones = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
      let planned = 0
      for (let step = 0; step < 80; step++) {
        const phone = phones[pick(phones.length)]!
        const cards = phone.getMap<unknown>('cards')
        const key = `k${pick(6)}`
        const op = pick(10)
        if (op < 5) cards.set(key, { id: key, text: `t${step}` })
        else if (op < 7) cards.delete(key)
        else if (op < 9) {
          // Sends what the server lacks; checked both ways first.
          const update = diff(phone, server)
          const { plan, trial } = both(server, update)
          if (plan) {
            planned++
            if (plan.changes.length > 0) readWithChanges++
            expect(byKey(plan.changes), `seed ${seed} step ${step}`).toEqual(byKey(trial.changes))
            expect(plan.outside).toBe(trial.outside)
            expect(trial.lost).toEqual([])
          }
          Y.applyUpdate(server, update)
        } else Y.applyUpdate(phone, diff(server, phone))
      }
      expect(planned, `seed ${seed}`).toBeGreaterThan(0)
    }
    // Most writes are read from the update itself, not only the empty ones.
    expect(readWithChanges).toBeGreaterThan(200)
  })
})
