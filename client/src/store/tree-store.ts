import { type TreeView, readTreeRecords } from '@tischrunde/shared'
import { create } from 'zustand'

export type TreeStatus = 'connecting' | 'synced' | 'offline' | 'denied'

/** One open tree doc as the UI sees it. */
export interface TreeState {
  view: TreeView
  status: TreeStatus
  /** Why the server refused this screen's last write, until the next accepted one. */
  refused: string | null
}

/** An empty tree, while a doc connects. */
export const EMPTY_TREE: TreeState = { view: readTreeRecords([]), status: 'connecting', refused: null }

/**
 * Open tree docs by doc name. A store of its own (not a slice of the main one), so that tree
 * screens load it only with their own code.
 */
export const useTreeStore = create<{ trees: Record<string, TreeState> }>(() => ({ trees: {} }))

/** The tree of one doc name (stable: the stored object itself). */
export const selectTree = (docName: string | null) => (s: { trees: Record<string, TreeState> }) => (docName ? s.trees[docName] : undefined) ?? EMPTY_TREE
