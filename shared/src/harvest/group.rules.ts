import type { EventActor } from '../access/actor.js'
import { may } from '../access/policy.js'
import { type Card, compareCards } from '../cards/card.schema.js'
import { type Result, err, ok } from '../wire/errors.js'
import { type CardGroup, GROUPS_PER_COLUMN_MAX, GROUP_CARDS_MAX, type GroupChange } from './group.schema.js'

/** Why a change to groups was refused. */
/** GROUP_FULL: the group already holds GROUP_CARDS_MAX cards (the stored record's bound). */
export type GroupRefusal = 'GROUP_UNKNOWN' | 'GROUP_EXISTS' | 'GROUPS_FULL' | 'GROUP_FULL' | 'CARD_UNKNOWN'

const sorted = (groups: readonly CardGroup[]) => [...groups].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
/** Positions 1, 2, 3… in the current order. */
const renumbered = (groups: readonly CardGroup[]) => sorted(groups).map((g, i) => (g.position === i + 1 ? g : { ...g, position: i + 1 }))
const without = (groups: readonly CardGroup[], cardIds: ReadonlySet<string>) =>
  groups.map((g) => (g.cardIds.some((id) => cardIds.has(id)) ? { ...g, cardIds: g.cardIds.filter((id) => !cardIds.has(id)) } : g))

/**
 * Applies one change to a column's groups. `cardExists` says whether a card is on the column (only
 * cards there may be grouped). Pure: the server runs it on the stored record, in one compare-and-set.
 */
export function applyGroupChange(groups: readonly CardGroup[], change: GroupChange, cardExists: (cardId: string) => boolean): Result<CardGroup[], GroupRefusal> {
  const find = (id: string) => groups.find((g) => g.id === id)
  switch (change.type) {
    case 'create': {
      const existing = find(change.id)
      // The same create sent again (its answer was lost): the group stands, nothing changes.
      if (existing && existing.title === change.title) return ok([...groups])
      if (existing) return err('GROUP_EXISTS')
      if (groups.length >= GROUPS_PER_COLUMN_MAX) return err('GROUPS_FULL')
      if (!change.cardIds.every(cardExists)) return err('CARD_UNKNOWN')
      const ids = [...new Set(change.cardIds)]
      const rest = without(groups, new Set(ids))
      return ok(renumbered([...rest, { id: change.id, title: change.title, position: rest.length + 1, collapsed: false, cardIds: ids }]))
    }
    case 'rename':
    case 'collapse': {
      if (!find(change.groupId)) return err('GROUP_UNKNOWN')
      return ok(groups.map((g) => (g.id !== change.groupId ? g : change.type === 'rename' ? { ...g, title: change.title } : { ...g, collapsed: change.collapsed })))
    }
    case 'move': {
      const order = sorted(groups)
      const at = order.findIndex((g) => g.id === change.groupId)
      if (at < 0) return err('GROUP_UNKNOWN')
      if (change.from !== undefined && change.from !== at + 1) return ok([...groups])
      const to = Math.max(0, Math.min(order.length - 1, at + change.by))
      const [moved] = order.splice(at, 1)
      order.splice(to, 0, moved!)
      return ok(order.map((g, i) => ({ ...g, position: i + 1 })))
    }
    case 'assign': {
      if (change.groupId !== null && !find(change.groupId)) return err('GROUP_UNKNOWN')
      if (change.groupId !== null && !cardExists(change.cardId)) return err('CARD_UNKNOWN')
      const target = change.groupId === null ? undefined : find(change.groupId)
      if (target && !target.cardIds.includes(change.cardId) && target.cardIds.length >= GROUP_CARDS_MAX) return err('GROUP_FULL')
      const rest = without(groups, new Set([change.cardId]))
      return ok(change.groupId === null ? rest : rest.map((g) => (g.id === change.groupId ? { ...g, cardIds: [...g.cardIds, change.cardId] } : g)))
    }
    case 'dissolve': {
      // No such group (the same dissolve sent again after a lost answer): it is gone, as asked.
      if (!find(change.groupId)) return ok([...groups])
      return ok(renumbered(groups.filter((g) => g.id !== change.groupId)))
    }
  }
}

/** A column laid out with its groups: numbered groups (cards in board order inside), then the loose cards. */
export interface GroupedColumn {
  groups: { group: CardGroup; number: number; cards: Card[] }[]
  loose: Card[]
}

/**
 * Lays out a column's cards under their groups, numbered 1., 2., … in group order. Cards a group
 * names that are no longer on the board are left out; cards in no group stay loose, in board order.
 */
export function groupColumn(cards: readonly Card[], groups: readonly CardGroup[]): GroupedColumn {
  const byId = new Map(cards.map((c) => [c.id, c]))
  const placed = new Set<string>()
  const out = sorted(groups).map((group, i) => {
    const inGroup = group.cardIds.flatMap((id) => {
      const card = byId.get(id)
      if (!card || placed.has(id)) return []
      placed.add(id)
      return [card]
    })
    return { group, number: i + 1, cards: inGroup.sort(compareCards) }
  })
  return { groups: out, loose: cards.filter((c) => !placed.has(c.id)).sort(compareCards) }
}

/** Whether an actor may group the cards of a table: the facilitator anywhere, a table host at their own table. */
export function mayGroupCards(actor: EventActor, tableId: string): boolean {
  if (!may(actor, 'cards:group', { eventId: actor.eventId })) return false
  return actor.role !== 'host' || actor.tableId === tableId
}
