import { z } from 'zod'
import { escapeMarkdownLine, escapeMarkdownText } from '../../export/to-markdown.js'
import { slugIdSchema } from '../../ids.js'
import { refuseRepeatedKeys } from '../../wire/unique-keys.js'
import type { TreeMethod } from './tree-method.schema.js'
import { findGroup, groupName } from './groups.js'
import { type TreeItem, type TreeView, readTreeRecords } from './read-tree.js'
import { treeNodeSchema, treePhaseSchema } from './tree-node.schema.js'

/** A node as exported: its words, place and marks. Authors and times stay behind (as with cards). */
export const exportTreeNodeSchema = treeNodeSchema.omit({ authorId: true, createdAt: true })
export type ExportTreeNode = z.infer<typeof exportTreeNodeSchema>

/** One group's tree in an event export. */
export const exportTreeSchema = z
  .object({
    groupId: slugIdSchema,
    phase: treePhaseSchema,
    nodes: z.array(exportTreeNodeSchema).max(5000),
  })
  // The doc keeps nodes by id: one id twice would silently keep only the last.
  .superRefine((tree, ctx) => refuseRepeatedKeys(ctx, tree.nodes, (n) => n.id, ['nodes'], ['id']))
export type ExportTree = z.infer<typeof exportTreeSchema>

/** A tree doc's nodes as exported, in outline order. */
export function exportTreeOf(groupId: string, phase: ExportTree['phase'], view: TreeView): ExportTree {
  const nodes: ExportTreeNode[] = []
  const walk = (item: TreeItem) => {
    const { authorId: _a, createdAt: _c, ...rest } = item.node
    nodes.push(rest)
    item.children.forEach(walk)
  }
  if (view.core) walk(view.core)
  view.loose.forEach(walk)
  return { groupId, phase, nodes }
}

/** Words of the tree chapter (German, like the rest of the result sheets). */
export const TREE_SHEET_WORDS = {
  chapter: 'Problem- und Lösungsbäume',
  group: 'Gruppe',
  problem: 'Problembaum',
  objective: 'Lösungsbaum',
  /** Where a group's tree has no entry (the documentation is read after the day: not "noch"). */
  empty: { problem: 'Diese Gruppe hat keinen Problembaum angelegt.', objective: 'Diese Gruppe hat keinen Lösungsbaum angelegt.' },
  answers: 'beantwortet',
  inScope: 'im Rahmen',
  placeholder: 'noch umzuformulieren',
  measures: 'Maßnahmen',
  helpers: 'Wer kann helfen?',
  kinds: { core: 'Kernproblem', cause: 'Ursache', effect: 'Folge', goal: 'Ziel', means: 'Mittel', end: 'Wirkung' },
} as const

/**
 * The trees of an event as a Markdown chapter: per group the problem tree and the objective tree as
 * nested lists, each node with its outline number; each objective names the problem it answers (by its number and text) and
 * whether it is in scope; measures and helpers hang under their means. Empty when the event does
 * not run the tree method.
 */
export function treesToMarkdown(method: TreeMethod | undefined, trees: readonly ExportTree[]): string {
  if (!method || !trees.some((t) => t.nodes.length > 0)) return ''
  const lines = [`## ${TREE_SHEET_WORDS.chapter}`, '']
  // The groups that wrote something, as PDF and DOCX show them and the title page counts them.
  const groupIds = [...new Set(trees.filter((t) => t.nodes.length > 0).map((t) => t.groupId))]
  for (const groupId of groupIds) {
    const group = findGroup(method, groupId)
    const name = group ? groupName(group) : groupId
    lines.push(`### ${escapeMarkdownLine(`${TREE_SHEET_WORDS.group}: ${name}`)}`, '')
    const problem = readTreeRecords(trees.find((t) => t.groupId === groupId && t.phase === 'problem')?.nodes.map(asRecord) ?? [])
    const objective = readTreeRecords(trees.find((t) => t.groupId === groupId && t.phase === 'objective')?.nodes.map(asRecord) ?? [])
    const problemNumber = new Map<string, TreeItem>()
    const index = (item: TreeItem) => (problemNumber.set(item.node.id, item), item.children.forEach(index))
    if (problem.core) index(problem.core)
    for (const [phase, view] of [['problem', problem], ['objective', objective]] as const) {
      lines.push(`#### ${TREE_SHEET_WORDS[phase]}`, '')
      const tops = [...(view.core ? [view.core] : []), ...view.loose]
      if (tops.length === 0) lines.push(TREE_SHEET_WORDS.empty[phase])
      tops.forEach((item) => listItem(lines, item, '', problemNumber))
      lines.push('')
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

/** An exported node read back as a record (no author, no time). */
const asRecord = (node: ExportTreeNode) => ({ ...node, authorId: null, createdAt: 0 })

/** A problem named by its kind and number, "Ursache 1.2": each kind is numbered on its own (see readTreeRecords). */
export function problemLabel(item: TreeItem): string {
  return `${TREE_SHEET_WORDS.kinds[item.node.kind]} ${item.number}`
}

/**
 * " (beantwortet Ursache 1.2: Zu wenig Personal)" after an objective; only kind and number while the
 * objective still has the problem's words (not reworded yet), so the text is not printed twice.
 */
export function answersNote(text: string, answered: TreeItem): string {
  const same = text.trim().toLocaleLowerCase('de') === answered.node.text.trim().toLocaleLowerCase('de')
  return same ? ` (${TREE_SHEET_WORDS.answers} ${problemLabel(answered)})` : ` (${TREE_SHEET_WORDS.answers} ${problemLabel(answered)}: ${answered.node.text})`
}

/**
 * A node as one line of the lists: its kind and text, the problem it answers, and its marks (an
 * objective still in the problem's words, as the console marks it; in scope).
 */
function nodeLine(node: TreeItem['node'], problems: ReadonlyMap<string, TreeItem>): string {
  let text = `${TREE_SHEET_WORDS.kinds[node.kind]}: ${node.text}`
  const answered = node.answersProblemId ? problems.get(node.answersProblemId) : undefined
  if (answered) text += answersNote(node.text, answered)
  if (node.placeholder) text += ` [${TREE_SHEET_WORDS.placeholder}]`
  if (node.inScope) text += ` [${TREE_SHEET_WORDS.inScope}]`
  return text
}

/** A means' measures and helpers as titled lists ("Maßnahmen:", "Wer kann helfen?"), the empty ones left out. */
function entryLists(node: TreeItem['node']): { title: string; entries: readonly string[] }[] {
  const lists = [
    { title: `${TREE_SHEET_WORDS.measures}:`, entries: node.measures ?? [] },
    { title: TREE_SHEET_WORDS.helpers, entries: node.helpers ?? [] },
  ]
  return lists.filter((l) => l.entries.length > 0)
}

/**
 * A node as a Markdown list item with its outline number written out ("- 1.2 Ursache: …"): an
 * ordered list would be renumbered 1, 2, 3 by every renderer, while causes and effects are numbered
 * each on their own and the objectives name problems by these numbers.
 */
function listItem(lines: string[], item: TreeItem, indent: string, problems: ReadonlyMap<string, TreeItem>): void {
  const marker = '- '
  const inner = indent + ' '.repeat(marker.length)
  const node = item.node
  // The number is digits and dots only, never a list marker after "- ": written as it is.
  lines.push(`${indent}${marker}${item.number} ${escapeMarkdownText(nodeLine(node, problems), inner)}`)
  // Each entry its own item: an entry may itself hold a comma or a semicolon.
  for (const list of entryLists(node)) {
    lines.push(`${inner}- ${escapeMarkdownText(list.title, `${inner}  `)}`)
    for (const entry of list.entries) lines.push(`${inner}  - ${escapeMarkdownText(entry, `${inner}    `)}`)
  }
  item.children.forEach((child) => listItem(lines, child, inner, problems))
}

/** One group's two trees from an export, read back as screens show them. */
export interface ExportedGroupTrees {
  groupId: string
  /** "kleiner Landkreis", "großer Landkreis B" … */
  name: string
  problem: TreeView
  objective: TreeView
  /** Outline numbers of the problem tree's nodes, by id: what each objective answers. */
  problemNumbers: ReadonlyMap<string, TreeItem>
}

/** The groups of an export with both their trees, in the method's order (empty without the method). */
export function exportedGroupTrees(method: TreeMethod | undefined, trees: readonly ExportTree[]): ExportedGroupTrees[] {
  if (!method || trees.length === 0) return []
  return [...new Set(trees.map((t) => t.groupId))].map((groupId) => {
    const group = findGroup(method, groupId)
    const read = (phase: ExportTree['phase']) => readTreeRecords(trees.find((t) => t.groupId === groupId && t.phase === phase)?.nodes.map(asRecord) ?? [])
    const problem = read('problem')
    const problemNumbers = new Map<string, TreeItem>()
    const index = (item: TreeItem) => (problemNumbers.set(item.node.id, item), item.children.forEach(index))
    if (problem.core) index(problem.core)
    problem.loose.forEach(index)
    return { groupId, name: group ? groupName(group) : groupId, problem, objective: read('objective'), problemNumbers }
  })
}

/** One line of a tree as a numbered list: its depth (0 for the core), its number and its words. */
export interface TreeListLine {
  depth: number
  number: string
  text: string
}

/**
 * A tree as the lines of a nested numbered list (for PDF and DOCX): each node with its kind, the
 * problem it answers (number and text) and whether it is in scope; measures and helpers one level
 * deeper under their title, each entry one more level deeper, without a number.
 */
export function treeListLines(view: TreeView, problems: ReadonlyMap<string, TreeItem> = new Map()): TreeListLine[] {
  const lines: TreeListLine[] = []
  const walk = (item: TreeItem, depth: number) => {
    const node = item.node
    lines.push({ depth, number: item.number, text: nodeLine(node, problems) })
    for (const list of entryLists(node)) {
      lines.push({ depth: depth + 1, number: '', text: list.title })
      for (const entry of list.entries) lines.push({ depth: depth + 2, number: '', text: entry })
    }
    item.children.forEach((child) => walk(child, depth + 1))
  }
  if (view.core) walk(view.core, 0)
  view.loose.forEach((item) => walk(item, 0))
  return lines
}
