import { describe, expect, it } from 'vitest'
import type { UpdateShape } from '../doc/board-update-check.js'
import { DOC_CLIENTS_MAX, UPDATE_LIMITS } from '../index.js'
import { STAFF_CLIENTS_RESERVE, WRITER_CLIENTS_BURST, WRITER_CLIENTS_MAX, admitWriters } from './writers.js'

const shape = (writes: [number, number, number][], deletes: [number, number][] = []): UpdateShape => ({
  structs: writes.length,
  deletions: deletes.length,
  writes: new Map(writes.map(([client, from, to]) => [client, { from, to }])),
  deletesTo: new Map(deletes),
})
const bindings = (owners: Record<number, string>, clients = 2) => ({
  ownerOf: (client: number) => owners[client],
  countOf: (writer: string) => Object.values(owners).filter((w) => w === writer).length,
  clients: () => clients,
})
// The server has client 1 (Anna's) up to clock 10 and client 2 (Ben's) up to clock 5.
const state = (client: number) => ({ 1: 10, 2: 5 })[client] ?? 0
const known = bindings({ 1: 'p:anna', 2: 'p:ben' })

describe('who may write under which Yjs client id', () => {
  it.each<[string, UpdateShape, string | null, unknown]>([
    ['a person extends their own client id', shape([[1, 10, 12]]), 'p:anna', { ok: true, bind: [] }],
    ['a new client id is bound to its first writer', shape([[7, 0, 3]]), 'p:anna', { ok: true, bind: [7] }],
    ['a resend of what the server has passes, whoever sends it', shape([[2, 0, 5]]), 'p:anna', { ok: true, bind: [] }],
    ['writing at another person’s next clock is refused', shape([[2, 5, 6]]), 'p:anna', { ok: false, refusal: 'FOREIGN_WRITER' }],
    ['deleting clocks nobody has written yet is refused', shape([], [[2, 9]]), 'p:anna', { ok: false, refusal: 'FOREIGN_WRITER' }],
    ['deleting what exists passes', shape([], [[2, 5]]), 'p:anna', { ok: true, bind: [] }],
    ['deleting what the same update writes passes', shape([[1, 10, 14]], [[1, 14]]), 'p:anna', { ok: true, bind: [] }],
    ['a reader adds nothing', shape([[7, 0, 1]]), null, { ok: false, refusal: 'READ_ONLY' }],
    ['the server’s own client id is taken by nobody', shape([[99, 0, 1]]), 'p:anna', { ok: false, refusal: 'FOREIGN_WRITER' }],
  ])('%s', (_sentence, update, writer, expected) => {
    expect(admitWriters(update, writer, state, known, new Set([99]))).toEqual(expected)
  })

  it(`binds at most ${WRITER_CLIENTS_MAX} client ids to one person`, () => {
    const many = shape(Array.from({ length: WRITER_CLIENTS_MAX + 1 }, (_, i): [number, number, number] => [1000 + i, 0, 1]))
    expect(admitWriters(many, 'p:mallory', state, known)).toEqual({ ok: false, refusal: 'TOO_MANY_WRITERS' })
  })

  it(`lets no doc hold more than ${DOC_CLIENTS_MAX} client ids from newcomers, so every state vector stays syncable`, () => {
    expect(DOC_CLIENTS_MAX + WRITER_CLIENTS_MAX).toBeLessThan(UPDATE_LIMITS.clients)
    const participantsFull = DOC_CLIENTS_MAX - STAFF_CLIENTS_RESERVE
    const nearly = bindings({ 1: 'p:anna', 2: 'p:ben' }, participantsFull - 1)
    expect(admitWriters(shape([[7, 0, 1]]), 'p:carla', state, nearly)).toEqual({ ok: true, bind: [7] })
    expect(admitWriters(shape([[7, 0, 1], [8, 0, 1]]), 'p:carla', state, nearly)).toEqual({ ok: false, refusal: 'TOO_MANY_WRITERS' })
    // Writers the doc has go on writing at the cap; so does an id the doc holds but nobody owns yet.
    const atCap = bindings({ 1: 'p:anna', 2: 'p:ben' }, DOC_CLIENTS_MAX)
    expect(admitWriters(shape([[1, 10, 11]]), 'p:anna', state, atCap)).toEqual({ ok: true, bind: [] })
    expect(admitWriters(shape([[3, 4, 5]]), 'p:carla', (c) => (c === 3 ? 4 : state(c)), atCap)).toEqual({ ok: true, bind: [3] })
  })

  it('keeps the last client ids of a doc for the facilitator and the hosts: participants who fill it with invented writers cannot lock them out', () => {
    const filled = bindings({ 1: 'p:anna', 2: 'p:ben' }, DOC_CLIENTS_MAX - STAFF_CLIENTS_RESERVE)
    expect(admitWriters(shape([[7, 0, 1]]), 'p:newcomer', state, filled)).toEqual({ ok: false, refusal: 'TOO_MANY_WRITERS' })
    expect(admitWriters(shape([[7, 0, 1]]), 'r:facilitator', state, filled, new Set(), true)).toEqual({ ok: true, bind: [7] })
    expect(admitWriters(shape([[8, 0, 1]]), 'p:host-bildung', state, filled, new Set(), true)).toEqual({ ok: true, bind: [8] })
    const full = bindings({ 1: 'p:anna', 2: 'p:ben' }, DOC_CLIENTS_MAX)
    expect(admitWriters(shape([[7, 0, 1]]), 'r:facilitator', state, full, new Set(), true)).toEqual({ ok: false, refusal: 'TOO_MANY_WRITERS' })
  })

  it(`paces a participant's new client ids (${WRITER_CLIENTS_BURST} at once): one card written under many invented ids is refused, and a refused update takes none of the allowance`, () => {
    const taken: number[] = []
    let left = WRITER_CLIENTS_BURST
    const paced = { ...known, paced: (_writer: string, count: number) => (count <= left ? ((left -= count), taken.push(count), true) : false) }
    const ids = (n: number, from = 1000) => shape(Array.from({ length: n }, (_, i): [number, number, number] => [from + i, 0, 1]))
    expect(admitWriters(ids(WRITER_CLIENTS_BURST + 1), 'p:mallory', state, paced)).toEqual({ ok: false, refusal: 'TOO_MANY_WRITERS' })
    // Refused before the pace is asked: nothing was taken.
    expect(admitWriters(shape([[2, 5, 6]]), 'p:mallory', state, paced)).toEqual({ ok: false, refusal: 'FOREIGN_WRITER' })
    expect(taken).toEqual([])
    expect(admitWriters(ids(1), 'p:mallory', state, paced)).toEqual({ ok: true, bind: [1000] })
    expect(taken).toEqual([1])
    // Staff are not paced; the ids the person already writes with are never asked about.
    expect(admitWriters(ids(WRITER_CLIENTS_BURST + 1, 5000), 'r:facilitator', state, paced, new Set(), true)).toMatchObject({ ok: true })
    expect(admitWriters(shape([[1, 10, 12]]), 'p:anna', state, paced)).toEqual({ ok: true, bind: [] })
    expect(taken).toEqual([1])
  })
})
