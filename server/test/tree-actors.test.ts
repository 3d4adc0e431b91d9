import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { ACTORS_ROOT, type ActorRecord, type CreateEventResponse, type EventExport, TREE_NODES_ROOT, type TreeNode, actorMapShownDocName, tablesOf, treePlaceId } from '@tischrunde/shared'
import { actorMapDocName } from '../src/actors/build-actor-map.js'
import { join, tokenOfLink } from './helpers/api.js'
import { connectDoc } from './helpers/board-client.js'
import { command } from './helpers/command.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { createBremenTreeDay, joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string, extra: Partial<TreeNode> = {}): TreeNode => ({ id, kind, parentId, order: 0, text, authorId, createdAt: 1, ...extra })
const actorsOf = (doc: Y.Doc) => [...doc.getMap<ActorRecord>(ACTORS_ROOT).values()]
const named = (doc: Y.Doc, name: string) => actorsOf(doc).find((a) => a.name === name)

describe('the actor map of a tree day (Bremen, seed 001, with the alliance table of seed 002)', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let day: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('tree-actors')
    running = await startServer(data.dir)
    day = await createBremenTreeDay(running)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('reads the groups’ “Wer kann helfen?” into the actor map, follows a helper taken back, and exports it by group', async () => {
    const eventId = day.event.id
    const anna = await join(running.url, day.joinCode)
    const bernd = await join(running.url, day.joinCode)
    const small = await joinTreeGroup(running.url, anna.token, 'kleiner Landkreis')
    const large = await joinTreeGroup(running.url, bernd.token, 'großer Landkreis')
    const objectives = (groupId: string) => `tree.${eventId}.${groupId}.objective`
    // The afternoon: the solution tree's station (the morning's trees stayed empty).
    await advanceRounds(running.url, day.facilitatorToken, 2)
    await writeTreeNodes(running.url, objectives(small), anna.token, [
      node('goal0001', 'goal', null, anna.participantId, 'Kooperation gelingt'),
      node('means001', 'means', 'goal0001', anna.participantId, 'Sprachkurse ausbauen', { measures: ['Abendkurse'], helpers: ['Jobcenter', 'VHS'] }),
    ])
    await writeTreeNodes(running.url, objectives(large), bernd.token, [
      node('goal0002', 'goal', null, bernd.participantId, 'Teilhabe am Arbeitsmarkt'),
      node('means002', 'means', 'goal0002', bernd.participantId, 'Anerkennung beschleunigen', { helpers: ['Jobcenter', 'IHK: Frau Sommer'] }),
    ])

    const console_ = connectDoc(running.url, actorMapDocName(eventId), day.facilitatorToken)
    const shown = connectDoc(running.url, actorMapShownDocName(eventId), tokenOfLink(day.links.projector))
    try {
      await Promise.all([console_.synced(), shown.synced()])
      expect(actorsOf(console_.doc)).toEqual([])
      // "Lösungsbäume neu einlesen".
      expect(await command(running.url, day.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      await waitFor(() => named(console_.doc, 'Volkshochschule') || undefined, 'the helpers in the actor map')
      expect(tablesOf(named(console_.doc, 'Jobcenter')!).sort()).toEqual([treePlaceId(large), treePlaceId(small)].sort())
      expect(named(console_.doc, 'Jobcenter')!.mentions.find((m) => m.tableId === treePlaceId(small))?.measures).toEqual([{ n: 1, text: 'Sprachkurse ausbauen' }])
      // The map's names for them (the groups' own words stay in the mentions); a contact person taken along.
      expect(named(console_.doc, 'Kammern (IHK, HWK)')).toMatchObject({ person: 'Frau Sommer', mentions: [{ text: 'IHK' }] })
      await waitFor(() => named(shown.doc, 'Volkshochschule') || undefined, 'the helpers on the projector’s map')

      // Anna takes the VHS back: the map follows, the Jobcenter stays (both groups still name it).
      const phone = connectDoc(running.url, objectives(small), anna.token)
      await phone.synced()
      const means = phone.doc.getMap<TreeNode>(TREE_NODES_ROOT).get('means001')!
      phone.doc.getMap(TREE_NODES_ROOT).set('means001', { ...means, helpers: ['Jobcenter'] })
      await phone.saved()
      phone.destroy()
      await waitFor(() => (named(console_.doc, 'Volkshochschule') === undefined && named(shown.doc, 'Volkshochschule') === undefined) || undefined, 'the VHS to leave the map')
      expect(tablesOf(named(console_.doc, 'Jobcenter')!)).toHaveLength(2)

      // The actor table names the groups and what the actors help with.
      const csv = await (await fetch(`${running.url}/api/events/${eventId}/actors.csv`, { headers: { authorization: `Bearer ${day.facilitatorToken}` } })).text()
      expect(csv).toContain('Genannt von (Gruppen)')
      expect(csv).toMatch(/Jobcenter[^\n]*großer Landkreis; kleiner Landkreis|Jobcenter[^\n]*kleiner Landkreis; großer Landkreis/)
      // The means they help with, so called (a walk read "Maßnahmen: kleiner Landkreis: …" for a tree's means).
      expect(csv).toContain('Hilft bei (Mittel der Lösungsbäume)')
      expect(csv).not.toContain(';Maßnahmen;')
      expect(csv).toContain('„Sprachkurse ausbauen“ (kleiner Landkreis)')
      expect(csv).not.toContain('baum--')
      // So does the documentation's chapter.
      const file = (await (await fetch(`${running.url}/api/events/${eventId}/export?format=json`, { headers: { authorization: `Bearer ${day.facilitatorToken}` } })).json()) as EventExport
      expect(file.actors?.actors.map((a) => a.name).sort()).toEqual(['Jobcenter', 'Kammern (IHK, HWK)'])
      const md = await (await fetch(`${running.url}/api/events/${eventId}/export?format=md`, { headers: { authorization: `Bearer ${day.facilitatorToken}` } })).text()
      expect(md).toContain('Aus den Lösungsbäumen der Gruppen')
      expect(md).toContain('| Genannt von (Gruppen) |')
      expect(md).toContain('(Hilft bei: „Sprachkurse ausbauen“ (kleiner Landkreis); „Anerkennung beschleunigen“ (großer Landkreis))')
      expect(md).not.toContain('Maßnahmen kleiner Landkreis')
    } finally {
      console_.destroy()
      shown.destroy()
    }
  })
})
