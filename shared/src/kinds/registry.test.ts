import { describe, expect, it } from 'vitest'
import { anyCredentialBodySchema } from '../access/credential.schema.js'
import { boardDocName, parseBoardDocName } from '../doc/board-doc.js'
import { checkDocUpdate } from '../doc/board-update-check.js'
import * as Y from 'yjs'
import { boardKind } from './board/board-kind.js'
import { clientRoots, docNameOf, resolveDocName } from './registry.js'

describe('the doc kind registry', () => {
  it('reads a board name into its kind and scope, and writes the same name back', () => {
    const resolved = resolveDocName('board.winnenden.arbeitsmarktintegration')
    expect(resolved?.kind).toBe(boardKind)
    expect(resolved?.scope).toEqual({ kind: 'board', eventId: 'winnenden', parts: { tableId: 'arbeitsmarktintegration' } })
    expect(docNameOf(resolved!.scope, boardKind)).toBe(boardDocName('winnenden', 'arbeitsmarktintegration'))
    expect(parseBoardDocName('board.winnenden.arbeitsmarktintegration')).toEqual({ eventId: 'winnenden', tableId: 'arbeitsmarktintegration' })
  })

  it.each(['board.winnenden', 'board.winnenden.a.b', 'tree.winnenden.a', 'board.Winnenden.a', 'board.winnenden.__proto__', 'events.json', ''])(
    'claims no kind for %j',
    (name) => expect(resolveDocName(name)).toBeNull(),
  )

  it('lets clients write only the roots the kind opens to them', () => {
    expect([...clientRoots(boardKind)]).toEqual(['cards'])
    const doc = new Y.Doc()
    doc.getMap('meta').set('version', 9)
    expect(checkDocUpdate(Y.encodeStateAsUpdate(doc), clientRoots(boardKind))).toEqual({ ok: false, problem: 'FOREIGN_PARENT' })
    expect(checkDocUpdate(Y.encodeStateAsUpdate(doc), new Set(['meta']))).toMatchObject({ ok: true })
  })
})

describe('credential bodies', () => {
  it('reads the first format (single letters) and the named one into the same claims', () => {
    const named = { event: 'cafe', role: 'participant', participant: 'p-0000000001', epoch: 2 }
    expect(anyCredentialBodySchema.parse({ v: 1, e: 'cafe', r: 'participant', p: 'p-0000000001', n: 2 })).toEqual(named)
    expect(anyCredentialBodySchema.parse({ v: 2, ...named })).toEqual(named)
    expect(anyCredentialBodySchema.safeParse({ v: 2, e: 'cafe', r: 'facilitator', n: 0 }).success).toBe(false)
  })
})
