import type { Card } from '@tischrunde/shared'
import type { BoardRefusal } from '../i18n/error-text.js'
import type { StateCreator } from 'zustand'
import type { TischStore } from './index.js'

export type BoardStatus = 'connecting' | 'synced' | 'offline' | 'denied'

/** One open board doc as the UI sees it. */
export interface BoardState {
  cards: Card[]
  /** Ids of cards the server has not yet confirmed as stored. */
  unsaved: string[]
  status: BoardStatus
  /** Why the server refused this screen's last write (or that a stale device copy was replaced), until the person hides it. */
  refused: BoardRefusal | null
  /** Texts of the cards that were not taken with that refusal. */
  refusedTexts: string[]
}

export interface BoardSlice {
  boards: Record<string, BoardState>
}

export const EMPTY_BOARD: BoardState = { cards: [], unsaved: [], status: 'connecting', refused: null, refusedTexts: [] }

export const createBoardSlice: StateCreator<TischStore, [], [], BoardSlice> = () => ({ boards: {} })
