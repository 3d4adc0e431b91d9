import type { ReactNode } from 'react'
import type { Station } from '@tischrunde/shared'
import { NameField } from '../../../features/join/NameField.js'
import { RoundBanner } from '../../../features/rounds/RoundBanner.js'
import { TablePicker } from '../../../features/tables/TablePicker.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTischStore } from '../../../store/index.js'

/**
 * The first screen after joining: give a name (optional) and pick a table; after the event's end,
 * pick a table to look at. After "Tisch wechseln" (`left`): the table just left is marked, and one
 * tap goes back to it.
 */
export function PickTableStep(props: { header: ReactNode; station: Station | null; name: string; onName: (name: string) => void; onPick: (tableId: string | null) => void; programme?: ReactNode; left?: string | null; gone?: boolean }) {
  const { t } = useTranslation()
  const tables = useTischStore((s) => s.event?.tables)
  const round = useTischStore((s) => s.round)
  const over = round?.phase === 'closed'
  const leftTable = props.left ? tables?.find((table) => table.id === props.left) : undefined
  return (
    <main className="page phone">
      {props.header}
      <RoundBanner round={round} station={props.station} writable />
      {props.programme}
      {props.gone && (
        <p className="notice" role="status">
          {t('join.tableGone')}
        </p>
      )}
      {!over && <NameField name={props.name} onChange={props.onName} open />}
      <p>{t(over ? 'join.pickTableOverHint' : 'join.pickTableHint')}</p>
      {leftTable && (
        <button type="button" className="secondary" onClick={() => props.onPick(leftTable.id)}>
          {t('join.backToTable', { table: leftTable.name })}
        </button>
      )}
      <TablePicker tables={tables ?? []} current={leftTable?.id ?? null} onPick={props.onPick} />
    </main>
  )
}
