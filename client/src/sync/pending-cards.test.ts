import { WRITERS_ROOT, putCard } from '@tischrunde/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { aCard } from '../../../fixtures/src/builders.js'
import { pendingCardIds } from './pending-cards.js'

/** A phone's doc and the server's, synced both ways. */
function phoneAndServer() {
  const phone = new Y.Doc()
  const server = new Y.Doc()
  const toServer = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(phone, Y.encodeStateVector(server)))
  const toPhone = () => Y.applyUpdate(phone, Y.encodeStateAsUpdate(server, Y.encodeStateVector(phone)))
  /** The server's "saved" message to the phone after storing the phone's writes. */
  const savedVector = () => Y.decodeStateVector(Y.encodeStateVector(server))
  /** The server writes as itself (a reveal, an approval), bound as the server's writer. */
  const writeAsServer = (write: () => void) =>
    server.transact(() => {
      server.getMap(WRITERS_ROOT).set(String(server.clientID), 'server')
      write()
    })
  return { phone, server, toServer, toPhone, savedVector, writeAsServer }
}

describe('pendingCardIds', () => {
  it('counts the phone’s own writes until the server confirms them', () => {
    const { phone, toServer, savedVector } = phoneAndServer()
    putCard(phone, aCard({ id: 'card-0001' }))
    expect(pendingCardIds(phone, new Map())).toEqual(['card-0001'])
    toServer()
    expect(pendingCardIds(phone, savedVector())).toEqual([])
    putCard(phone, aCard({ id: 'card-0001', text: 'Geändert' }))
    expect(pendingCardIds(phone, savedVector())).toEqual(['card-0001'])
  })

  it('never counts a card the server wrote after the last "saved" (revealed, approved, restored, pinned)', () => {
    const { phone, server, toServer, toPhone, savedVector, writeAsServer } = phoneAndServer()
    putCard(phone, aCard({ id: 'card-0001' }))
    toServer()
    const saved = savedVector()
    // The server holds the card off the board, then puts it back (reveal) and pins another.
    writeAsServer(() => server.getMap('cards').delete('card-0001'))
    toPhone()
    writeAsServer(() => server.getMap('cards').set('card-0001', aCard({ id: 'card-0001' })))
    toPhone()
    expect(phone.getMap('cards').has('card-0001')).toBe(true)
    expect(pendingCardIds(phone, saved)).toEqual([])
    // A client id bound to another writer is not the server's: its unconfirmed card still counts.
    phone.getMap(WRITERS_ROOT).set('12345', 'event:p-1')
    putCard(phone, aCard({ id: 'card-0002' }))
    expect(pendingCardIds(phone, saved)).toEqual(['card-0002'])
  })
})
