import { describe, expect, it } from 'vitest'
import type { UpdateShape } from '../doc/board-update-check.js'
import { DOC_CLIENTS_MAX, UPDATE_LIMITS } from '../index.js'
import { WRITER_CLIENTS_MAX, admitWriters } from './writers.js'

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
    const full = bindings({ 1: 'p:anna', 2: 'p:ben' }, DOC_CLIENTS_MAX - 1)
    expect(admitWriters(shape([[7, 0, 1]]), 'p:carla', state, full)).toEqual({ ok: true, bind: [7] })
    expect(admitWriters(shape([[7, 0, 1], [8, 0, 1]]), 'p:carla', state, full)).toEqual({ ok: false, refusal: 'TOO_MANY_WRITERS' })
    // Writers the doc has go on writing at the cap; so does an id the doc holds but nobody owns yet.
    const atCap = bindings({ 1: 'p:anna', 2: 'p:ben' }, DOC_CLIENTS_MAX)
    expect(admitWriters(shape([[1, 10, 11]]), 'p:anna', state, atCap)).toEqual({ ok: true, bind: [] })
    expect(admitWriters(shape([[3, 4, 5]]), 'p:carla', (c) => (c === 3 ? 4 : state(c)), atCap)).toEqual({ ok: true, bind: [3] })
  })
})
