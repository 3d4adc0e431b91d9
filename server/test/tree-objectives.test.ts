import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, flattenTree, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { command } from './helpers/command.js'
import { joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId, createdAt: 1 })

describe('the facilitator creates a group’s objective tree from its problem tree', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let anna: { token: string; participantId: string }
  const name = (phase: string) => `tree.${cafe.event.id}.grosser-landkreis.${phase}`

  beforeAll(async () => {
    data = await tempDataDir('tree-objectives')
    running = await startServer(data.dir)
    cafe = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Lösungsbaum', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
    anna = await join(running.url, cafe.joinCode)
    await joinTreeGroup(running.url, anna.token, 'großer Landkreis')
    await writeTreeNodes(running.url, name('problem'), anna.token, [
      node('core0001', 'core', null, anna.participantId, 'Kooperation bleibt punktuell'),
      node('cause001', 'cause', 'core0001', anna.participantId, 'Keine Ansprechpersonen', 1),
      node('effect01', 'effect', 'core0001', anna.participantId, 'Angebote doppelt', 2),
    ])
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('refuses the command from a participant and for a group the event lacks', async () => {
    expect(await command(running.url, anna.token, 'tree:objectives', { groupId: 'grosser-landkreis' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'atlantis' })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
    // A group whose problem tree is empty gets none made of it, and the console is told why.
    expect(await command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'kleiner-landkreis' })).toMatchObject({ ok: false, code: 'NOT_NOW', params: { reason: 'TREE_NO_CORE' } })
  })

  it('writes the mirrored tree; a phone rewords an objective, the console marks it in scope (a phone may not); a re-run keeps both and adds a new problem', async () => {
    expect(await command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'grosser-landkreis' })).toEqual({ ok: true, data: { written: 3, leftOut: 0, leftOutTexts: [] } })
    const phone = connectDoc(running.url, name('objective'), anna.token)
    try {
      await phone.synced()
      await waitFor(() => readTree(phone.doc).byId.size === 3, 'the three objectives on the phone')
      expect(flattenTree(readTree(phone.doc)).map((i) => `${i.number} ${i.node.kind} ${i.node.text} ← ${i.node.answersProblemId}`)).toEqual([
        '1 goal Kooperation bleibt punktuell ← core0001',
        '1.1 means Keine Ansprechpersonen ← cause001',
        '1.1 end Angebote doppelt ← effect01',
      ])
      const means = phone.doc.getMap(TREE_NODES_ROOT).get('cause001') as TreeNode
      phone.doc.getMap(TREE_NODES_ROOT).set('cause001', { ...means, text: 'Feste Ansprechpersonen sind benannt', placeholder: false })
      await phone.saved()
      expect(phone.closeCodes).toEqual([])
    } finally {
      phone.destroy()
    }
    const console_ = connectDoc(running.url, name('objective'), cafe.facilitatorToken)
    try {
      await console_.synced()
      await waitFor(() => (readTree(console_.doc).byId.get('cause001')?.placeholder === false ? true : undefined), 'the reworded objective on the console')
      console_.doc.getMap(TREE_NODES_ROOT).set('cause001', { ...(console_.doc.getMap(TREE_NODES_ROOT).get('cause001') as TreeNode), inScope: true })
      await console_.saved()
    } finally {
      console_.destroy()
    }
    const writer = connectDoc(running.url, name('problem'), anna.token)
    try {
      await writer.synced()
      await waitFor(() => readTree(writer.doc).byId.size === 3, 'the problem tree')
      writer.doc.getMap(TREE_NODES_ROOT).set('cause002', node('cause002', 'cause', 'core0001', anna.participantId, 'Kein Budget', 3))
      await writer.saved()
    } finally {
      writer.destroy()
    }
    expect(await command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'grosser-landkreis' })).toEqual({ ok: true, data: { written: 1, leftOut: 0, leftOutTexts: [] } })
    const projector = connectDoc(running.url, name('objective'), cafe.projectorToken)
    try {
      await projector.synced()
      await waitFor(() => readTree(projector.doc).byId.size === 4, 'the new objective')
      const byId = readTree(projector.doc).byId
      expect(byId.get('cause001')).toMatchObject({ text: 'Feste Ansprechpersonen sind benannt', inScope: true })
      expect(byId.get('cause002')).toMatchObject({ kind: 'means', parentId: 'core0001', text: 'Kein Budget', placeholder: true })
    } finally {
      projector.destroy()
    }
  })

  it('exports both trees of each group as nested numbered lists in the Markdown documentation, each objective beside its problem', async () => {
    const res = await fetch(`${running.url}/api/events/${cafe.event.id}/export?format=md`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
    expect(res.status).toBe(200)
    const md = await res.text()
    const chapter = md.slice(md.indexOf('## Problem- und Lösungsbäume'))
    // The group's section runs to the next group or to the closing line (a group whose trees stayed empty has none).
    const start = chapter.indexOf('### Gruppe: großer Landkreis')
    const ends = [chapter.indexOf('### Gruppe: ', start + 1), chapter.indexOf('---', start)].filter((i) => i > start)
    const group = chapter.slice(start, Math.min(...ends))
    expect(chapter).not.toContain('### Gruppe: größere kreisfreie Stadt')
    expect(group).toBe(
      [
        '### Gruppe: großer Landkreis',
        '',
        '#### Problembaum',
        '',
        '- 1 Kernproblem: Kooperation bleibt punktuell',
        '  - 1.1 Ursache: Keine Ansprechpersonen',
        '  - 1.2 Ursache: Kein Budget',
        '  - 1.1 Folge: Angebote doppelt',
        '',
        '#### Lösungsbaum',
        '',
        '- 1 Ziel: Kooperation bleibt punktuell (beantwortet Kernproblem 1) \\[noch umzuformulieren\\]',
        '  - 1.1 Mittel: Feste Ansprechpersonen sind benannt (beantwortet Ursache 1.1: Keine Ansprechpersonen) \\[im Rahmen\\]',
        '  - 1.2 Mittel: Kein Budget (beantwortet Ursache 1.2) \\[noch umzuformulieren\\]',
        '  - 1.1 Wirkung: Angebote doppelt (beantwortet Folge 1.1) \\[noch umzuformulieren\\]',
        '',
        '',
      ].join('\n'),
    )
    // Groups nobody wrote for have no section, as in the PDF and DOCX.
    expect(chapter).not.toContain('### Gruppe: kleiner Landkreis')
  })
})
