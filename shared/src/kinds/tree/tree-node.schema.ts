import { z } from 'zod'
import { participantIdSchema, randomIdSchema } from '../../ids.js'
import type { TreePhase } from './tree-phase.js'

export { type TreePhase, treePhaseSchema } from './tree-phase.js'

/**
 * What a node is. Problem tree: the core problem (trunk), causes (roots), effects (branches).
 * Objective tree, mirroring it: the goal, means (from causes), ends (from effects).
 */
export const treeNodeKindSchema = z.enum(['core', 'cause', 'effect', 'goal', 'means', 'end'])
export type TreeNodeKind = z.infer<typeof treeNodeKindSchema>

/** The node kinds of each phase, in the order core, below, above. */
export const TREE_KINDS: Readonly<Record<TreePhase, { core: TreeNodeKind; below: TreeNodeKind; above: TreeNodeKind }>> = {
  problem: { core: 'core', below: 'cause', above: 'effect' },
  objective: { core: 'goal', below: 'means', above: 'end' },
}

/** The objective kind that mirrors a problem kind (core → goal, cause → means, effect → end). */
export const OBJECTIVE_KIND_OF: Readonly<Record<'core' | 'cause' | 'effect', TreeNodeKind>> = { core: 'goal', cause: 'means', effect: 'end' }

/** Longest text of a node, in characters: a short statement, like a card. */
export const TREE_TEXT_MAX = 280

/**
 * Most nodes in one tree that participants may fill (facilitators may add more).
 * @default 300 (a reflection group writes a few dozen); stops fresh identities from flooding a tree
 */
export const TREE_NODES_MAX = 300

/**
 * Most nodes one participant may have in one tree (facilitators' and the server's are not counted).
 * @default 100: like a person's cards at a café table (far above what a whole table writes), one
 * phone typing for its whole group fits (a group writes a few dozen), yet one person fills a third
 * of a tree at most
 */
export const TREE_NODES_PER_PARTICIPANT_MAX = 100

/** The node kind that holds measures and "Wer kann helfen?" (the solution tree's means). */
export const TREE_LISTS_KIND: TreeNodeKind = 'means'

/** Most measures or helpers attached to one means. */
export const TREE_LIST_MAX = 20

const nodeTextSchema = z.string().trim().min(1).max(TREE_TEXT_MAX)

/**
 * One node of a tree, stored whole under its id in the doc's `nodes` map (replace it, don't patch
 * it: a move is a new record with another `parentId`/`order`, so concurrent moves of one node end
 * as last-writer-wins per node). `authorId` null: written by the facilitator or the server.
 */
export const treeNodeSchema = z
  .object({
    id: randomIdSchema,
    kind: treeNodeKindSchema,
    /** The node this one hangs under; null only for the core problem (or goal). */
    parentId: randomIdSchema.nullable(),
    /** Position among its siblings (ascending; ties by id). */
    order: z.number(),
    text: nodeTextSchema,
    authorId: participantIdSchema.nullable(),
    createdAt: z.number().int().nonnegative(),
    /** Objective tree: the problem node (same group's problem tree) this objective answers. */
    answersProblemId: randomIdSchema.optional(),
    /** Objective tree: the text is still the problem's, waiting to be reworded positively. */
    placeholder: z.boolean().optional(),
    /** Objective tree: inside the line around the part the group will work on. */
    inScope: z.boolean().optional(),
    /** Objective tree, on means: measures the group plans. */
    measures: z.array(nodeTextSchema).max(TREE_LIST_MAX).optional(),
    /** Objective tree, on means: "Wer kann helfen?" */
    helpers: z.array(nodeTextSchema).max(TREE_LIST_MAX).optional(),
  })
  .strict()
export type TreeNode = z.infer<typeof treeNodeSchema>

/** The root of a tree doc holding its nodes. */
export const TREE_NODES_ROOT = 'nodes'
