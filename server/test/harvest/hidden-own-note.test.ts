import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ownDocName, readHeld } from '@tischrunde/shared'
import { createEvent } from '../helpers/api.js'
import { connectDoc, connectPhone } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { type VoteSocket, voteSocket } from './vote-test-kit.js'

/**
 * A card the moderation hides leaves every board, and its author's phone learns of it (their own
 * doc holds it as hidden) instead of seeing it vanish without a word; nobody else's phone does.
 */
describe('a hidden card is told to its author only', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: VoteSocket

  beforeAll(async () => {
    data = await tempDataDir('hidden-own-note')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Ausgeblendet', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    facilitator = await voteSocket(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    facilitator?.close()
    await running?.close()
    await data?.remove()
  })

  it('puts the hidden card into its author’s own doc, not into another’s, and takes it out again on restore', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    await Promise.all([anna.synced(), bernd.synced()])
    anna.put(anna.card({ id: 'anna-hidden', text: 'Annas Karte über Frau K.', position: 1 }))
    await anna.saved()
    await bernd.waitForCard('anna-hidden')
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    const berndOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', bernd.participantId), bernd.token)
    await Promise.all([annaOwn.synced(), berndOwn.synced()])

    expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'anna-hidden', action: 'hide' })).toEqual({ ok: true })
    await waitFor(() => readHeld(annaOwn.doc).some((h) => h.id === 'anna-hidden' && h.status === 'hidden'), 'Anna’s own doc holds her hidden card')
    expect(bernd.cards().some((c) => c.id === 'anna-hidden')).toBe(false)
    expect(readHeld(berndOwn.doc)).toEqual([])

    expect(await facilitator.send('card:moderate', { tableId: 'sprache', cardId: 'anna-hidden', action: 'restore' })).toEqual({ ok: true })
    await waitFor(() => readHeld(annaOwn.doc).length === 0, 'the note gone once the card is back')
    await bernd.waitForCard('anna-hidden')
    for (const c of [anna, bernd, annaOwn, berndOwn]) c.destroy()
  })
})
