import { boardClose, boardDocName, encodeRefused, encodeSaved } from '@tischrunde/shared'
import * as Y from 'yjs'
import { anEvent } from '@tischrunde/fixtures'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTischStore } from '../store/index.js'
import { FakeWebSocket } from '../test/fake-web-socket.js'
import { addCard, boardProvider, connectBoard, dismissRefusal } from './board-connection.js'
import { readLeftBoards, readRefusal } from './device-storage.js'

/** The device copy (IndexedDB has no jsdom): which copies were opened, each loaded when the test says. */
const copies = vi.hoisted(() => ({ opened: [] as { name: string; load: () => void }[] }))
vi.mock('y-indexeddb', () => ({
  IndexeddbPersistence: class {
    whenSynced: Promise<void>
    constructor(readonly name: string) {
      let load = () => {}
      this.whenSynced = new Promise<void>((resolve) => (load = resolve))
      copies.opened.push({ name, load })
    }
    destroy() {
      return Promise.resolve()
    }
  },
}))

/** The API a board asks after failed connects: answers as each test says. */
const answers = vi.hoisted(() => ({ publicView: vi.fn() }))
vi.mock('./api.js', () => ({ api: { publicView: answers.publicView } }))

const event = anEvent()
const seat = { eventId: event.id, tableId: event.tables[0]!.id, token: 'eyJ2IjoxfQ.signature', authorId: 'p-12345678', keepLocal: false }
const docName = boardDocName(seat.eventId, seat.tableId)
const boardOf = () => useTischStore.getState().boards[docName]!
const station = event.template.stations[0]!

beforeEach(() => {
  FakeWebSocket.all = []
  vi.stubGlobal('WebSocket', FakeWebSocket)
  answers.publicView.mockReset()
  answers.publicView.mockReturnValue(new Promise(() => {}))
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  window.localStorage.clear()
  useTischStore.setState({ boards: {} })
})

describe('a refused card on the phone', () => {
  it('keeps its text to copy when the next card is sent and when the page is reloaded, until the person hides it', () => {
    let release = connectBoard(seat)
    FakeWebSocket.all[0]!.open()
    FakeWebSocket.all[0]!.deliver(encodeRefused('TOO_FAST', ['Flipchart: Sprachkurse am Abend']))
    addCard(docName, { stationId: station.id, columnId: station.columns[0]!.id, text: 'Flipchart: Kinderbetreuung', subPoints: [] }, { cardId: 'card-next-0001', subPointIds: [] })
    expect(boardOf()).toMatchObject({ refused: 'TOO_FAST', refusedTexts: ['Flipchart: Sprachkurse am Abend'] })
    FakeWebSocket.all[0]!.deliver(encodeSaved(Y.encodeStateVector(boardProvider(docName)!.doc)))
    // Reloaded (or the sleeping tab dropped): the server took the card off the board long ago.
    release()
    useTischStore.setState({ boards: {} })
    release = connectBoard(seat)
    expect(boardOf()).toMatchObject({ refused: 'TOO_FAST', refusedTexts: ['Flipchart: Sprachkurse am Abend'] })
    dismissRefusal(docName)
    expect(boardOf()).toMatchObject({ refused: null, refusedTexts: [] })
    release()
    release = connectBoard(seat)
    expect(boardOf()).toMatchObject({ refused: null, refusedTexts: [] })
    release()
  })
})

describe('a phone whose board cannot connect', () => {
  it('asks again whether its link still holds after later failures, not only once: a first ask without network found nothing', async () => {
    vi.useFakeTimers()
    answers.publicView.mockRejectedValueOnce({ code: 'NETWORK' }).mockRejectedValue({ code: 'UNAUTHORIZED' })
    const release = connectBoard(seat)
    for (let attempt = 0; attempt < 8 && boardOf().status !== 'denied'; attempt++) {
      FakeWebSocket.all.at(-1)!.close(1006, '')
      await vi.advanceTimersByTimeAsync(6000)
    }
    expect(answers.publicView.mock.calls.length).toBeGreaterThanOrEqual(2)
    expect(boardOf().status).toBe('denied')
    release()
  })
})

describe('a board that closed its own connection', () => {
  it('does not count that close as a failure: the link is asked after the second real one, not the first', async () => {
    copies.opened.length = 0
    const releaseVote = connectBoard({ ...seat, authorId: '' })
    FakeWebSocket.all[0]!.open()
    // The phone's own board takes over: the connection closes and opens again once the copy is loaded.
    const releasePhone = connectBoard({ ...seat, keepLocal: true })
    copies.opened[0]!.load()
    await new Promise((resolve) => setTimeout(resolve, 0))
    FakeWebSocket.all.at(-1)!.close(1006, '')
    expect(answers.publicView).not.toHaveBeenCalled()
    releasePhone()
    releaseVote()
  })
})

describe('a phone that leaves its table with cards not yet sent', () => {
  it('keeps that board connected until the server has them, then closes it', () => {
    const release = connectBoard({ ...seat, control: true })
    const socket = FakeWebSocket.all[0]!
    socket.open()
    addCard(docName, { stationId: station.id, columnId: station.columns[0]!.id, text: 'Offline geschrieben', subPoints: [] }, { cardId: 'card-left-0001', subPointIds: [] })
    const doc = boardProvider(docName)!.doc
    release()
    // Still there, and its seat no longer on it (the phone sits at another table now); noted on the
    // device with the identity that wrote, so that a reload opens it again to send.
    expect(boardProvider(docName)).not.toBeNull()
    expect(readLeftBoards(seat.eventId)).toEqual([{ docName, tableId: seat.tableId, token: seat.token, authorId: seat.authorId }])
    expect(Object.keys(boardProvider(docName)!.params)).toEqual(['token'])
    FakeWebSocket.all.at(-1)!.open()
    FakeWebSocket.all.at(-1)!.deliver(encodeSaved(Y.encodeStateVector(doc)))
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(boardProvider(docName)).toBeNull()
        expect(readLeftBoards(seat.eventId)).toEqual([])
        resolve()
      }, 10),
    )
  })
})

describe('a board left with cards not yet sent, noted for a reload', () => {
  const write = (text: string, id: string) => addCard(docName, { stationId: station.id, columnId: station.columns[0]!.id, text, subPoints: [] }, { cardId: id, subPointIds: [] })

  it('is noted under the participant who wrote, also when a part that writes nothing opened it first', () => {
    const releaseVote = connectBoard({ ...seat, authorId: '' })
    const releasePhone = connectBoard({ ...seat, control: true })
    FakeWebSocket.all[0]!.open()
    write('Offline geschrieben', 'card-left-0002')
    const doc = boardProvider(docName)!.doc
    releasePhone()
    releaseVote()
    expect(readLeftBoards(seat.eventId)).toEqual([{ docName, tableId: seat.tableId, token: seat.token, authorId: seat.authorId }])
    // Sent after all: the board closes and its note goes.
    FakeWebSocket.all.at(-1)!.open()
    FakeWebSocket.all.at(-1)!.deliver(encodeSaved(Y.encodeStateVector(doc)))
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(boardProvider(docName)).toBeNull()
        expect(readLeftBoards(seat.eventId)).toEqual([])
        resolve()
      }, 10),
    )
  })

  it('loses only a damaged entry of the list, not the others', () => {
    const good = { docName: boardDocName(seat.eventId, 'bildung'), tableId: 'bildung', token: seat.token, authorId: seat.authorId }
    window.localStorage.setItem(`tischrunde.left.${seat.eventId}`, JSON.stringify([good, { ...good, docName: docName, authorId: '' }]))
    expect(readLeftBoards(seat.eventId)).toEqual([good])
  })

  it('closes once its table was removed, and keeps the texts to copy instead of trying again on every reload', () => {
    const release = connectBoard({ ...seat, control: true })
    FakeWebSocket.all[0]!.open()
    write('Für einen Tisch, den es nicht mehr gibt', 'card-left-0003')
    release()
    FakeWebSocket.all.at(-1)!.open()
    FakeWebSocket.all.at(-1)!.close(...boardClose('DOC_REMOVED'))
    expect(boardProvider(docName)).toBeNull()
    expect(readLeftBoards(seat.eventId)).toEqual([])
    expect(readRefusal(docName)).toEqual({ reason: 'DOC_REMOVED', texts: ['Für einen Tisch, den es nicht mehr gibt'] })
    expect(useTischStore.getState().boards[docName]).toMatchObject({ refused: 'DOC_REMOVED', refusedTexts: ['Für einen Tisch, den es nicht mehr gibt'] })
  })
})

describe('a board a part that writes nothing opened first (a vote, the host’s moderation)', () => {
  it('takes the phone’s cards under its participant once the phone opens it too', () => {
    const releaseVote = connectBoard({ ...seat, authorId: '' })
    const releasePhone = connectBoard(seat)
    FakeWebSocket.all[0]!.open()
    const card = addCard(docName, { stationId: station.id, columnId: station.columns[0]!.id, text: 'Vom Handy', subPoints: [] }, { cardId: 'card-vote-0001', subPointIds: [] })
    expect(card.authorId).toBe(seat.authorId)
    FakeWebSocket.all[0]!.deliver(encodeSaved(Y.encodeStateVector(boardProvider(docName)!.doc)))
    releasePhone()
    releaseVote()
  })

  it('keeps the board on the device from the phone’s opening on, loading its copy before it connects again', async () => {
    copies.opened.length = 0
    const releaseVote = connectBoard({ ...seat, authorId: '' })
    FakeWebSocket.all[0]!.open()
    const releasePhone = connectBoard({ ...seat, keepLocal: true })
    // The copy first (cards written offline before a reload are in it), then the server.
    expect(copies.opened.map((c) => c.name)).toHaveLength(1)
    expect(FakeWebSocket.all[0]!.readyState).toBe(3)
    expect(FakeWebSocket.all).toHaveLength(1)
    copies.opened[0]!.load()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(FakeWebSocket.all).toHaveLength(2)
    releasePhone()
    releaseVote()
  })
})
