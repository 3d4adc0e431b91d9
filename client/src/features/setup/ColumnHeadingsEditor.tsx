import { type Template, type ThemeTable, withColumnHeading } from '@tischrunde/shared'
import { useId, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { TextField } from './SetupField.js'
import type { SetupFields } from './use-setup-draft.js'

type Props = {
  table: ThemeTable
  index: number
  template: Template
  fields: SetupFields
  onEdit: (table: ThemeTable) => void
}

/**
 * A table's own column headings, folded away: what its sheet in the documentation (and the projector)
 * shows over a column instead of the station's column name, e.g. a board that took two questions at
 * once. Empty: the column's name as the stations have it.
 */
export function ColumnHeadingsEditor({ table, index, template, fields, onEdit }: Props) {
  const { t } = useTranslation()
  const headings = table.columnHeadings ?? []
  // Open where the table has headings; the fields are made only while open (an event may have 60 tables).
  const [open, setOpen] = useState(headings.length > 0)
  const panelId = useId()
  return (
    <div className="setup-column-headings">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={t('setup.tables.forTable', { action: t('setup.tables.columnHeadings', { count: headings.length }), table: table.name })}
        onClick={() => setOpen(!open)}
      >
        {t('setup.tables.columnHeadings', { count: headings.length })}
      </button>
      {open && (
        <div id={panelId}>
          <p className="setup-hint">{t('setup.tables.columnHeadingsHint')}</p>
          {template.stations.flatMap((station) =>
            station.columns.map((column) => {
              const at = headings.findIndex((h) => h.stationId === station.id && h.columnId === column.id)
              return (
                <TextField
                  key={`${station.id}/${column.id}`}
                  fields={fields}
                  fieldKey={`tables.${index}.columnHeadings.${at < 0 ? `${station.id}-${column.id}` : at}.title`}
                  label={t('setup.tables.columnHeading', { station: station.title, column: column.title })}
                  value={at < 0 ? '' : headings[at]!.title}
                  maxLength={120}
                  onChange={(title) => onEdit(withColumnHeading(table, station.id, column.id, title))}
                />
              )
            }),
          )}
        </div>
      )}
    </div>
  )
}
