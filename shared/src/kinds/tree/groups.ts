import { z } from 'zod'
import { slugify } from '../../ids.js'
import type { TreeMethod } from './tree-method.schema.js'

/** Letters of split groups: A, B, … (at most 26 groups per value). */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** A group of the tree method: its id (a doc name part) and what people read. */
export interface TreeGroup {
  id: string
  value: string
  /** "A", "B" … when the value's people are split; null when it is one group. */
  letter: string | null
}

/**
 * The group id of a value, and of its split groups: `kleiner-landkreis`, or with a maximum group
 * size `kleiner-landkreis-a`, `kleiner-landkreis-b` …
 */
/** A group as people call it: its value, and its letter when the value was split ("großer Landkreis B"). */
export function groupName(group: Pick<TreeGroup, 'value' | 'letter'>): string {
  return `${group.value}${group.letter ? ` ${group.letter}` : ''}`
}

export function groupIdOf(value: string, letterIndex: number | null): string {
  const base = slugify(value, 40)
  return letterIndex === null ? base : `${base}-${LETTERS[letterIndex]}`
}

/** The value a group id belongs to in this method, or null when the id names no group. */
export function findGroup(method: TreeMethod, groupId: string): TreeGroup | null {
  for (const value of method.values) {
    const base = groupIdOf(value, null)
    if (method.maxGroupSize === null) {
      if (groupId === base) return { id: groupId, value, letter: null }
      continue
    }
    const i = groupId.startsWith(`${base}-`) && groupId.length === base.length + 2 ? LETTERS.indexOf(groupId.at(-1)!) : -1
    if (i >= 0) return { id: groupId, value, letter: LETTERS[i]!.toUpperCase() }
  }
  return null
}

/**
 * The group a participant who picked `value` joins, given how many people each group already has
 * (by group id). Without a maximum: the value's one group. With one: the first of A, B, … that has
 * room, so a value with more people than the maximum is split. Null for a value the method lacks
 * or when all 26 groups of a value are full.
 * @example placeInGroup({ attribute: 'Kommunengröße', values: ['großer Landkreis'], maxGroupSize: 2 }, 'großer Landkreis', { 'grosser-landkreis-a': 2 }) // → 'grosser-landkreis-b'
 */
export function placeInGroup(method: TreeMethod, value: string, counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>): string | null {
  if (!method.values.includes(value)) return null
  if (method.maxGroupSize === null) return groupIdOf(value, null)
  for (let i = 0; i < LETTERS.length; i++) {
    const id = groupIdOf(value, i)
    if (countOf(counts, id) < method.maxGroupSize) return id
  }
  return null
}

/**
 * The groups that exist given the people placed so far: every value's first group, plus each split
 * one in use, also past one nobody is in (B emptied or never wrote: C is still there).
 */
export function groupsOf(method: TreeMethod, counts: ReadonlyMap<string, number> | Readonly<Record<string, number>> = {}): TreeGroup[] {
  const out: TreeGroup[] = []
  for (const value of method.values) {
    if (method.maxGroupSize === null) {
      out.push({ id: groupIdOf(value, null), value, letter: null })
      continue
    }
    for (let i = 0; i < LETTERS.length; i++)
      if (i === 0 || countOf(counts, groupIdOf(value, i)) > 0) out.push({ id: groupIdOf(value, i), value, letter: LETTERS[i]!.toUpperCase() })
  }
  return out
}

/** Every group id a method could have: a value's one group, or with a maximum its groups A to Z. */
export function possibleGroupIds(method: TreeMethod): string[] {
  return method.values.flatMap((value) => (method.maxGroupSize === null ? [groupIdOf(value, null)] : [...LETTERS].map((_, i) => groupIdOf(value, i))))
}

/**
 * The groups in use (with trees or people) that a new setup of the method would no longer have: a
 * value taken out, or a maximum group size set or removed (the ids change from `großer-landkreis`
 * to `grosser-landkreis-a`). Their trees would vanish from every screen and their people lose their
 * place; a setup that strands none may be saved at any time.
 * @example groupsStrandedBy({ attribute: 'Kommunengröße', values: ['kleiner Landkreis'], maxGroupSize: null }, ['kleiner-landkreis-a']) // → ['kleiner-landkreis-a']
 */
export function groupsStrandedBy(next: TreeMethod, inUse: Iterable<string>): string[] {
  return [...inUse].filter((id) => findGroup(next, id) === null)
}

/** People in group `id`: a group id made from a value such as "constructor" is only ever data. */
function countOf(counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>, id: string): number {
  if (counts instanceof Map) return counts.get(id) ?? 0
  const record = counts as Readonly<Record<string, number>>
  return Object.hasOwn(record, id) ? (record[id] ?? 0) : 0
}

/** `GET /api/events/:id/tree-groups`: the ids of the groups that have trees (see the server's `treeGroupsInUse`). */
export const treeGroupsAnswerSchema = z.object({ groups: z.array(z.string().min(1).max(120)).max(2000) })
export type TreeGroupsAnswer = z.infer<typeof treeGroupsAnswerSchema>
