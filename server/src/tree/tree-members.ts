import { type EventId, TREE_MEMBERS, type TreeMember, groupCounts, joinGroup } from '@tischrunde/shared'
import type { EventStore } from '../storage/storage.js'

/** What a pick answers: the group, or why there is none. */
export type JoinOutcome = { ok: true; groupId: string; changed: boolean } | { ok: false; error: 'UNKNOWN_VALUE' | 'GROUPS_FULL' | 'NO_METHOD' | 'EVENT_GONE' }

/** Tries of one pick against concurrent picks (each retry re-reads the stored record). */
const JOIN_TRIES = 5

/**
 * The tree method's group memberships, held by the server: stored as keyed records
 * (`tree-members`, by participant id) and kept in memory per event, so the doc sockets can ask
 * synchronously, for every message, which group a participant belongs to.
 */
export class TreeMembers {
  private readonly byEvent = new Map<string, Map<string, TreeMember>>()
  private readonly loading = new Map<string, Promise<Map<string, TreeMember>>>()
  private readonly listeners = new Set<(eventId: string, participantId: string) => void>()
  /** Each event's `situationOf` function, made once (it reads the memberships as they are when called). */
  private readonly situations = new Map<string, (participantId: string) => string | null>()
  /** Per event, the last pick being placed: the next one waits for it. */
  private readonly picks = new Map<string, Promise<void>>()

  constructor(private readonly store: EventStore) {}

  /** Reads an event's memberships once (later calls answer from memory). */
  async load(eventId: string): Promise<void> {
    await this.members(eventId)
  }

  /**
   * Reads one participant's membership from the store again (another server node may have placed
   * them): called when a participant opens a doc, so the upgrade is judged on what is stored.
   */
  async refresh(eventId: string, participantId: string): Promise<void> {
    try {
      const members = await this.members(eventId)
      const stored = await this.store.getRecord(eventId, TREE_MEMBERS, participantId)
      if (stored) members.set(participantId, stored.value)
      else members.delete(participantId)
    } catch {
      // A store that cannot be read now: the memory's answer stands (a café board never waits on it).
    }
  }

  /** The group of a participant, as this process last read or wrote it; null: none yet. */
  groupOf(eventId: string, participantId: string): string | null {
    return this.byEvent.get(eventId)?.get(participantId)?.groupId ?? null
  }

  /**
   * How many people each group of an event holds (by group id), read from the store: every node's
   * placements count (a group's people keep it on the screens and in its setup).
   */
  async counts(eventId: string): Promise<Map<string, number>> {
    return groupCounts((await this.store.listRecords(eventId, TREE_MEMBERS)).map((r) => r.value))
  }

  /** A function for the tree kind's situation: the groups of one event. */
  situationOf(eventId: string): (participantId: string) => string | null {
    let groupOf = this.situations.get(eventId)
    if (!groupOf) this.situations.set(eventId, (groupOf = (participantId) => this.groupOf(eventId, participantId)))
    return groupOf
  }

  /** Called after a participant's group changed (their open sockets of the old group must close). */
  onChange(listener: (eventId: string, participantId: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Places a participant who picked `value` (see `joinGroup`). Picks of one event are placed one
   * after the other (the group counts are read from memory and a place is taken only once it is
   * stored: two picks at once would both see the last place free), and each is stored with a
   * compare-and-set against another pick of the same participant.
   */
  join(eventId: EventId, participantId: string, value: string, now: number): Promise<JoinOutcome> {
    const previous = this.picks.get(eventId) ?? Promise.resolve()
    const pick = previous.then(() => this.placeOne(eventId, participantId, value, now))
    const settled = pick.then(
      () => {},
      () => {},
    )
    this.picks.set(eventId, settled)
    void settled.then(() => {
      if (this.picks.get(eventId) === settled) this.picks.delete(eventId)
    })
    return pick
  }

  private async placeOne(eventId: EventId, participantId: string, value: string, now: number): Promise<JoinOutcome> {
    const stored = await this.store.get(eventId)
    if (!stored) return { ok: false, error: 'EVENT_GONE' }
    const method = stored.event.treeMethod
    if (!method) return { ok: false, error: 'NO_METHOD' }
    for (let i = 0; i < JOIN_TRIES; i++) {
      const members = await this.members(eventId)
      const current = await this.store.getRecord(eventId, TREE_MEMBERS, participantId)
      const placed = joinGroup(method, value, current?.value, groupCounts(members.values()))
      if (!placed.ok) return placed
      if (current && current.value.groupId === placed.groupId && current.value.value === value) {
        members.set(participantId, current.value)
        return { ok: true, groupId: placed.groupId, changed: false }
      }
      const record: TreeMember = { groupId: placed.groupId, value, at: now }
      const written = await this.store.putRecord(eventId, TREE_MEMBERS, participantId, record, current?.version ?? null)
      if (written.ok) {
        members.set(participantId, record)
        if (current) for (const listener of this.listeners) listener(eventId, participantId)
        return { ok: true, groupId: placed.groupId, changed: true }
      }
      if (written.error === 'NOT_FOUND') return { ok: false, error: 'EVENT_GONE' }
      // Another pick of this participant came first: read again.
      this.byEvent.delete(eventId)
    }
    return { ok: false, error: 'GROUPS_FULL' }
  }

  /** Forgets an event (deleted). */
  drop(eventId: string): void {
    this.byEvent.delete(eventId)
    this.situations.delete(eventId)
  }

  private async members(eventId: string): Promise<Map<string, TreeMember>> {
    const known = this.byEvent.get(eventId)
    if (known) return known
    let pending = this.loading.get(eventId)
    if (!pending) {
      pending = this.store.listRecords(eventId, TREE_MEMBERS).then((records) => new Map(records.map((r) => [r.key, r.value])))
      this.loading.set(eventId, pending)
      void pending.then(
        () => this.loading.delete(eventId),
        () => this.loading.delete(eventId),
      )
    }
    const members = await pending
    const raced = this.byEvent.get(eventId)
    if (raced) return raced
    this.byEvent.set(eventId, members)
    return members
  }
}
