import { type TischEvent, type VoteStep, boardDocName } from '@tischrunde/shared'
import { useMemo } from 'react'
import { useTischStore } from '../../store/index.js'
import { type TableCard, cardsInScope, stepTables } from './vote-view.js'

/** The cards a step puts to the vote on every table in its scope (boards opened by OpenBoards). */
export function useStepCards(event: TischEvent, step: VoteStep | undefined): { byTable: Map<string, TableCard[]>; all: TableCard[] } {
  const boards = useTischStore((s) => s.boards)
  return useMemo(() => {
    const byTable = new Map<string, TableCard[]>()
    if (!step) return { byTable, all: [] }
    for (const table of stepTables(event, step)) {
      const cards = boards[boardDocName(event.id, table.id)]?.cards ?? []
      byTable.set(table.id, cardsInScope(event, step, table.id, cards).map((card) => ({ tableId: table.id, card })))
    }
    return { byTable, all: [...byTable.values()].flat() }
  }, [boards, event, step])
}
