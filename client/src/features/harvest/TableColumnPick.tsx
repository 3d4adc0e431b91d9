import type { TischEvent } from '@tischrunde/shared'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'

/** The table and column a grouping screen works on: two labelled choices (the table left out when fixed). */
export function TableColumnPick(props: {
  tables: TischEvent['tables'] | null
  tableId: string
  setTableId: (id: string) => void
  columns: readonly { value: string; label: string }[]
  column: string
  setColumn: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      {props.tables && (
        <label>
          {t('harvest.phone.table')}
          <select value={props.tableId} onChange={(e) => props.setTableId(e.target.value)}>
            {props.tables.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('harvest.groups.column')}
        <select value={props.column} onChange={(e) => props.setColumn(e.target.value)}>
          {props.columns.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
