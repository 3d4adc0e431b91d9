import { WriteRefusal } from '../../doc/board-write-rules.js'
import { type DocKind, type EventSituation, type RecordChange, countRecords } from '../doc-kind.js'
import { parsedRecord } from '../records.js'
import { stationWritable } from '../../rounds/round-machine.js'
import { findGroup } from './groups.js'
import { forgetPlaceholdersOf, forgetTreeNodesOf } from '../../privacy/forget-author.js'
import { findTreeProblem } from './tree-rules.js'
import { keepLostTreeNode } from './tree-versions.js'
import {
  TREE_KINDS,
  TREE_LISTS_KIND,
  TREE_NODES_MAX,
  TREE_NODES_PER_PARTICIPANT_MAX,
  TREE_NODES_ROOT,
  type TreeNode,
  type TreePhase,
  treeNodeSchema,
  treePhaseSchema,
} from './tree-node.schema.js'

/** Fields of an objective a participant may reword on any node of their group's objective tree. */
const REWORDABLE: ReadonlySet<string> = new Set(['text', 'placeholder', 'measures', 'helpers'])

/**
 * Whether a participant's version of a node keeps to what participants may set: a problem tree's
 * node has none of the objective tree's fields; in the objective tree the problem an objective
 * answers and its "im Rahmen" stay as the server and the console set them, and a placeholder
 * (still in the problem's words) can only end.
 */
function participantFieldsKept(phase: TreePhase, before: TreeNode | undefined, after: TreeNode): boolean {
  if (phase === 'problem') return after.answersProblemId === undefined && after.placeholder === undefined && after.inScope === undefined && after.measures === undefined && after.helpers === undefined
  if (after.answersProblemId !== before?.answersProblemId) return false
  if ((after.inScope ?? false) !== (before?.inScope ?? false)) return false
  return after.placeholder !== true || before?.placeholder === true
}

/**
 * Whether participants may write to a tree of `phase` now. With stations driving the phases
 * (`phaseStations`), exactly like a café station's board: from its station on, until it is locked
 * or the day moves to the review. Without: until the day is closed.
 */
export function treeOpen(situation: EventSituation, phase: TreePhase = 'problem'): boolean {
  const stationId = situation.event.treeMethod?.phaseStations?.[phase]
  const governed = stationId !== undefined && situation.event.template.stations.some((s) => s.id === stationId)
  if (!governed) return situation.round.phase !== 'closed'
  return stationWritable(situation.round, situation.event.template, stationId)
}

/**
 * Whether a node's version holds measures or helpers where there are none: only means hold them.
 * A node that stops being a means (the console makes it the goal) may keep the lists it had, as
 * they were; nobody adds to them or changes them there.
 */
function listsMisplaced(before: TreeNode | undefined, after: TreeNode): boolean {
  if (after.kind === TREE_LISTS_KIND || (after.measures === undefined && after.helpers === undefined)) return false
  return before === undefined || JSON.stringify(before.measures) !== JSON.stringify(after.measures) || JSON.stringify(before.helpers) !== JSON.stringify(after.helpers)
}

/** Whether two versions of a node differ only in fields a participant may reword. */
function onlyReworded(before: TreeNode, after: TreeNode): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const key of keys) {
    if (REWORDABLE.has(key)) continue
    if (JSON.stringify(before[key as keyof TreeNode]) !== JSON.stringify(after[key as keyof TreeNode])) return false
  }
  return true
}

/**
 * Decides whether a participant's change of one node may be stored. Problem tree: they add nodes
 * as themselves and change or delete only their own. Objective tree: they also reword any node
 * (text, measures, helpers), but move or delete only their own. Either way only the fields
 * participants may set (see `participantFieldsKept`); "im Rahmen" is the console's.
 */
export function checkParticipantNodeChange(phase: TreePhase, participantId: string | null, before: TreeNode | undefined, after: TreeNode | undefined): WriteRefusal | null {
  const own = (n: TreeNode) => participantId !== null && n.authorId === participantId
  if (after && !participantFieldsKept(phase, before, after)) return WriteRefusal.INVALID_RECORD
  if (!before) return after && own(after) ? null : WriteRefusal.NOT_YOUR_CARD
  if (own(before)) return after && after.authorId !== before.authorId ? WriteRefusal.NOT_YOUR_CARD : null
  if (phase === 'objective' && after && onlyReworded(before, after)) return null
  return WriteRefusal.NOT_YOUR_CARD
}

/**
 * One group's tree (`tree.<event>.<group>.<phase>`), phase `problem` or `objective`: every node a
 * whole record in `nodes`. Facilitators write everything; participants add and edit their own
 * nodes (and reword objectives) until the day closes, each at most TREE_NODES_PER_PARTICIPANT_MAX
 * (counted by the server by `authorId`); projectors and table hosts read. Every change is checked
 * against the whole tree after it: parent exists, no cycle, kinds in place, one core.
 */
export const treeKind: DocKind = {
  name: 'tree',
  scopeParts: ['groupId', 'phase'],
  partPattern: { phase: /^(problem|objective)$/ },
  roots: {
    [TREE_NODES_ROOT]: { record: treeNodeSchema, keyField: 'id', tombstones: true, countBy: ['authorId'] },
  },
  forgetAuthor: forgetTreeNodesOf(TREE_NODES_ROOT),
  forgetDerived: forgetPlaceholdersOf(TREE_NODES_ROOT),
  keepLost: keepLostTreeNode,
  exists(scope, { event }) {
    const method = event.treeMethod
    return method !== undefined && findGroup(method, scope.parts.groupId ?? '') !== null && treePhaseSchema.safeParse(scope.parts.phase).success
  },
  audience(actor, scope, situation) {
    switch (actor.role) {
      case 'facilitator':
        return 'write'
      case 'participant':
        // Only the group the server placed them in: another group's trees are never sent to them.
        return actor.participantId !== null && situation.treeGroupOf?.(actor.participantId) === scope.parts.groupId ? 'write' : 'none'
      case 'host':
      case 'projector':
        return 'read'
    }
  },
  checkChanges(changes, { actor, scope, situation, doc }) {
    const phase = treePhaseSchema.parse(scope.parts.phase)
    return checkTreeChanges(phase, changes, {
      role: actor.role === 'facilitator' ? 'facilitator' : actor.role === 'participant' ? 'participant' : 'reader',
      participantId: actor.participantId,
      open: treeOpen(situation, phase),
      // Counted by the server as nodes change (not by reading the tree on every new node).
      mine: () => (actor.participantId ? countRecords(doc, TREE_NODES_ROOT, { field: 'authorId', value: actor.participantId }) : 0),
      nodes: () => {
        const nodes = new Map<string, TreeNode>()
        let invalid = false
        doc.forEach(TREE_NODES_ROOT, (value, key) => {
          const parsed = treeNodeSchema.safeParse(value)
          if (parsed.success && parsed.data.id === key) nodes.set(key, parsed.data)
          else invalid = true
        })
        return invalid ? null : nodes
      },
    })
  },
}

/** Who writes, as the tree rules need it. */
export interface TreeWriter {
  role: 'facilitator' | 'participant' | 'reader'
  participantId: string | null
  /** Whether participants may write now. */
  open: boolean
  /** Every node of the tree after the change, or null when one of them is not a valid node. */
  nodes: () => ReadonlyMap<string, TreeNode> | null
  /** How many nodes of the tree after the change the participant wrote; absent: counted from `nodes`. */
  mine?: () => number
}

/**
 * The tree kind's rule, pure: each changed node by who may change it, then the whole tree after
 * the change. A record that is no valid node closes the writer's socket; a tree that breaks a
 * structure rule (a concurrent write came first), a participant over a node cap (the tree's, their
 * own) or in a closed phase is refused softly: taken and undone, the writer keeps the text. A cap
 * refuses only an update that adds to what it counts: one that removes (or edits) stays possible
 * in a full tree, so whoever is at a cap can still make room.
 */
export function checkTreeChanges(phase: TreePhase, changes: readonly RecordChange[], writer: TreeWriter): WriteRefusal | null {
  if (writer.role === 'reader') return WriteRefusal.READ_ONLY
  const kinds = TREE_KINDS[phase]
  // What the update adds to the tree and to the writer's own nodes (removals subtract).
  let grown = 0
  let mineGrown = 0
  for (const change of changes) {
    if (change.root !== TREE_NODES_ROOT) return WriteRefusal.OUTSIDE_SCHEMA
    const after = parsedRecord(treeNodeSchema, change.after)
    const before = parsedRecord(treeNodeSchema, change.before)
    if (change.after !== undefined && (!after || after.id !== change.key)) return WriteRefusal.INVALID_RECORD
    if (after && after.kind !== kinds.core && after.kind !== kinds.below && after.kind !== kinds.above) return WriteRefusal.INVALID_RECORD
    if (after && listsMisplaced(before, after)) return WriteRefusal.INVALID_RECORD
    grown += (change.after !== undefined ? 1 : 0) - (change.before !== undefined ? 1 : 0)
    mineGrown += (writer.participantId !== null && after?.authorId === writer.participantId ? 1 : 0) - (writer.participantId !== null && before?.authorId === writer.participantId ? 1 : 0)
    if (writer.role === 'facilitator') continue
    if (!writer.open) return WriteRefusal.STATION_CLOSED
    const refusal = checkParticipantNodeChange(phase, writer.participantId, before, after)
    if (refusal) return refusal
  }
  const nodes = writer.nodes()
  if (!nodes) return WriteRefusal.INVALID_RECORD
  // Whole records that only break the tree as it stands now (someone else's write came first) are
  // no attack: taken and undone, the writer keeps the text and is told why.
  if (findTreeProblem(phase, nodes) !== null) return WriteRefusal.TREE_CONFLICT
  if (writer.role === 'facilitator') return null
  if (grown > 0 && nodes.size > TREE_NODES_MAX) return WriteRefusal.TOO_MANY_CARDS
  if (mineGrown > 0 && (writer.mine?.() ?? countOwn(nodes, writer.participantId)) > TREE_NODES_PER_PARTICIPANT_MAX) return WriteRefusal.TOO_MANY_CARDS
  return null
}

/** How many of the nodes one participant wrote. */
function countOwn(nodes: ReadonlyMap<string, TreeNode>, participantId: string | null): number {
  let n = 0
  for (const node of nodes.values()) if (participantId !== null && node.authorId === participantId) n++
  return n
}
