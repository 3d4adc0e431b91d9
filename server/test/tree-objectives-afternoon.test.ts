import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, type TreeNode, flattenTree, readTree } from '@tischrunde/shared'
import { join } from './helpers/api.js'
import { createBremenTreeDay, joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds, backRound } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId, createdAt: 1 })

describe('a tree day moving on to the solution tree (the afternoon of seed 001)', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let day: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('tree-afternoon')
    running = await startServer(data.dir)
    day = await createBremenTreeDay(running)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('has every group’s solution tree ready when its station begins, made from the morning’s problem tree', async () => {
    const anna = await join(running.url, day.joinCode)
    const groupId = await joinTreeGroup(running.url, anna.token, 'kleiner Landkreis')
    const name = (phase: string) => `tree.${day.event.id}.${groupId}.${phase}`
    // The morning: the problem tree's station.
    await advanceRounds(running.url, day.facilitatorToken)
    await writeTreeNodes(running.url, name('problem'), anna.token, [
      node('core0001', 'core', null, anna.participantId, 'Kooperation bleibt punktuell'),
      node('cause001', 'cause', 'core0001', anna.participantId, 'Keine Ansprechpersonen', 1),
    ])
    const phone = connectDoc(running.url, name('objective'), anna.token)
    try {
      await phone.synced()
      expect(readTree(phone.doc).byId.size).toBe(0)
      // "Weiter: Lösungsbaum": nobody presses "Lösungsbäume erstellen".
      await advanceRounds(running.url, day.facilitatorToken)
      await waitFor(() => readTree(phone.doc).byId.size === 2 || undefined, 'the solution tree on the phone')
      expect(flattenTree(readTree(phone.doc)).map((i) => `${i.number} ${i.node.kind} ${i.node.text}`)).toEqual(['1 goal Kooperation bleibt punktuell', '1.1 means Keine Ansprechpersonen'])
      // An objective deleted at the wall stays deleted when the day goes back and on again.
      const wall = connectDoc(running.url, name('objective'), day.facilitatorToken)
      await wall.synced()
      wall.doc.getMap('nodes').delete('cause001')
      await wall.saved()
      wall.destroy()
      await waitFor(() => !readTree(phone.doc).byId.has('cause001') || undefined, 'the deletion on the phone')
      await backRound(running.url, day.facilitatorToken)
      await advanceRounds(running.url, day.facilitatorToken)
      await new Promise((r) => setTimeout(r, 300))
      expect([...readTree(phone.doc).byId.keys()]).toEqual(['core0001'])
      // The group deletes its last objective too: an emptied tree was worked on, it does not come back.
      const wall2 = connectDoc(running.url, name('objective'), day.facilitatorToken)
      await wall2.synced()
      wall2.doc.getMap('nodes').delete('core0001')
      await wall2.saved()
      wall2.destroy()
      await waitFor(() => readTree(phone.doc).byId.size === 0 || undefined, 'the emptied tree on the phone')
      await backRound(running.url, day.facilitatorToken)
      await advanceRounds(running.url, day.facilitatorToken)
      await new Promise((r) => setTimeout(r, 300))
      expect(readTree(phone.doc).byId.size).toBe(0)
    } finally {
      phone.destroy()
    }
    // The group that wrote nothing in the morning gets no tree (its phones write a goal), and no file.
    expect(await running.server.rooms.exists(`tree.${day.event.id}.grosser-landkreis.objective`)).toBe(false)
  })
})
