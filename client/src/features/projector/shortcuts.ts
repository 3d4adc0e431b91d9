import type { ProjectorMode } from './projector-mode.js'
import type { ReviewMove } from './review-steps.js'

/** What a key press on the projector asks for. */
export type ProjectorAction =
  | { type: 'mode'; mode: ProjectorMode }
  | { type: 'move'; move: ReviewMove }
  | { type: 'fullscreen' }
  | { type: 'mute' }
  | { type: 'help' }
  | { type: 'close' }

const KEYS: Record<string, ProjectorAction> = {
  '1': { type: 'mode', mode: 'table' },
  '2': { type: 'mode', mode: 'wall' },
  '3': { type: 'mode', mode: 'review' },
  '4': { type: 'mode', mode: 'join' },
  f: { type: 'fullscreen' },
  m: { type: 'mute' },
  '?': { type: 'help' },
  Escape: { type: 'close' },
  ArrowRight: { type: 'move', move: 'next-station' },
  ArrowLeft: { type: 'move', move: 'prev-station' },
  ArrowDown: { type: 'move', move: 'next-table' },
  PageDown: { type: 'move', move: 'next-table' },
  ArrowUp: { type: 'move', move: 'prev-table' },
  PageUp: { type: 'move', move: 'prev-table' },
}

/** The action for a `KeyboardEvent.key` (letters in either case), or null. */
export function actionForKey(key: string): ProjectorAction | null {
  return KEYS[key.length === 1 ? key.toLowerCase() : key] ?? null
}

/** The shortcut list the help overlay shows: keys as printed, and the `projectorModes.keys.*` text. */
export const SHORTCUT_LIST: readonly { keys: readonly string[]; text: string }[] = [
  { keys: ['1'], text: 'table' },
  { keys: ['2'], text: 'wall' },
  { keys: ['3'], text: 'review' },
  { keys: ['4'], text: 'join' },
  { keys: ['←', '→'], text: 'stations' },
  { keys: ['↑', '↓', 'Bild↑', 'Bild↓'], text: 'tables' },
  { keys: ['F'], text: 'fullscreen' },
  { keys: ['M'], text: 'mute' },
  { keys: ['?'], text: 'help' },
  { keys: ['Esc'], text: 'close' },
]

/** The shortcuts of a day of trees on the projector (TreeProjector and TreeDiagram act on them). */
export const TREE_SHORTCUT_LIST: readonly { keys: readonly string[]; text: string }[] = [
  { keys: ['←', '→', 'Bild↑', 'Bild↓'], text: 'treeGroups' },
  { keys: ['+', '−'], text: 'treeZoom' },
  { keys: ['0'], text: 'treeFit' },
  { keys: ['H'], text: 'treeControls' },
  { keys: ['M'], text: 'treeMeasures' },
  { keys: ['1'], text: 'treeShow' },
  { keys: ['4'], text: 'join' },
  { keys: ['F'], text: 'fullscreen' },
  { keys: ['?'], text: 'help' },
  { keys: ['Esc'], text: 'close' },
]

