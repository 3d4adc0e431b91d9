import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, moderationDocName, ownDocName, readHeld } from '@tischrunde/shared'
import { createEvent } from '../../test/helpers/api.js'
import { connectDoc, connectPhone } from '../../test/helpers/board-client.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { waitFor } from '../../test/helpers/wait.js'
import { moderationOf } from './moderation-service.js'
import { command } from '../../test/helpers/command.js'

const holdsText = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'))

describe('moderation across a restart', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('moderation-restart')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Neustart', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('keeps hidden cards hidden and collected cards collected, each once, and reveals them after the restart', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    await anna.synced()
    anna.put(anna.card({ id: 'card-keep-1', text: 'Diese Karte bleibt verborgen' }))
    await anna.saved()
    expect(await command(running.url, cafe.facilitatorToken, 'card:moderate', { tableId: 'sprache', cardId: 'card-keep-1', action: 'hide' })).toEqual({ ok: true })
    expect(await command(running.url, cafe.facilitatorToken, 'station:moderation', { stationId: 'station-1', collect: true })).toEqual({ ok: true })
    anna.put(anna.card({ id: 'card-keep-2', text: 'Gesammelt vor dem Neustart' }))
    await anna.saved()
    const own = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    await waitFor(() => readHeld(own.doc).map((h) => h.status).sort().join() === 'collected,hidden', 'the hidden and the collected card with their author')
    own.destroy()
    anna.destroy()

    await running.close()
    running = await startServer(data.dir)

    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const staff = connectDoc(running.url, moderationDocName(eventId, 'sprache'), cafe.facilitatorToken)
    try {
      await Promise.all([bernd.synced(), staff.synced()])
      expect(holdsText(bernd.doc, 'Diese Karte bleibt verborgen')).toBe(false)
      expect(holdsText(bernd.doc, 'Gesammelt vor dem Neustart')).toBe(false)
      await waitFor(() => readHeld(staff.doc).find((h) => h.id === 'card-keep-1'), 'the hidden card after the restart')
      // What the facilitator's export may mark: the hidden and the collected card, once each.
      expect((await moderationOf(running.server.rooms).heldOf(eventId, 'sprache')).map((h) => `${h.id}:${h.status}`).sort()).toEqual(['card-keep-1:hidden', 'card-keep-2:collected'])
      expect(await command(running.url, cafe.facilitatorToken, 'station:reveal', { stationId: 'station-1' })).toEqual({ ok: true })
      await bernd.waitForCard('card-keep-2')
      expect(bernd.cards().filter((c) => c.id === 'card-keep-2')).toHaveLength(1)
      expect(bernd.cards().some((c) => c.id === 'card-keep-1')).toBe(false)
    } finally {
      bernd.destroy()
      staff.destroy()
    }
  })
})
