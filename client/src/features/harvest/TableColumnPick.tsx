import type { TischEvent } from '@tischrunde/shared'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { LabelledSelect, tableOptions } from './LabelledSelect.js'

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
      {props.tables && <LabelledSelect label={t('harvest.phone.table')} value={props.tableId} onChange={props.setTableId} options={tableOptions(props.tables)} />}
      <LabelledSelect label={t('harvest.groups.column')} value={props.column} onChange={props.setColumn} options={props.columns} />
    </>
  )
}
