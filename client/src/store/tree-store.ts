import { type TreeView, readTreeRecords } from '@tischrunde/shared'
import { create } from 'zustand'

export type TreeStatus = 'connecting' | 'synced' | 'offline' | 'denied'

/**
 * Why the server closed the tree for good (status `denied`): `access` — this person is no longer in
 * the tree's group (placed in another one, e.g. from another tab); `removed` — the group was taken
 * out of the event; `event` — the event was deleted; `link` — the link was renewed or is not valid.
 */
export type TreeDenial = 'access' | 'removed' | 'event' | 'link'

/** One open tree doc as the UI sees it. */
export interface TreeState {
  view: TreeView
  status: TreeStatus
  /** Why the server refused this screen's last write, until the next accepted one. */
  refused: string | null
  /** The texts of that write, when the server took and undid it (the writer keeps them). */
  refusedTexts: string[]
  /** Set with status `denied`: why the tree will not open again. */
  denied: TreeDenial | null
}

/** An empty tree, while a doc connects. */
export const EMPTY_TREE: TreeState = { view: readTreeRecords([]), status: 'connecting', refused: null, refusedTexts: [], denied: null }

/**
 * Open tree docs by doc name. A store of its own (not a slice of the main one), so that tree
 * screens load it only with their own code.
 */
export const useTreeStore = create<{ trees: Record<string, TreeState> }>(() => ({ trees: {} }))

/** The tree of one doc name (stable: the stored object itself). */
export const selectTree = (docName: string | null) => (s: { trees: Record<string, TreeState> }) => (docName ? s.trees[docName] : undefined) ?? EMPTY_TREE
