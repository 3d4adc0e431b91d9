import type { Template, ThemeTable } from '@tischrunde/shared'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { TextField } from './SetupField.js'
import { ColumnHeadingsEditor } from './ColumnHeadingsEditor.js'
import type { SetupFields } from './use-setup-draft.js'

type Props = {
  table: ThemeTable
  index: number
  count: number
  fields: SetupFields
  confirming: boolean
  onEdit: (patch: Partial<ThemeTable>) => void
  onMove: (direction: -1 | 1) => void
  onAskRemove: () => void
  onCancelRemove: () => void
  onRemove: () => void
  /** The stations, for the table's own column headings (absent: not offered). */
  template?: Template
}

/** DOM id of a table row's move button, so focus can follow the row after it moved. */
export const moveButtonId = (fields: SetupFields, tableId: string, direction: -1 | 1) =>
  `${fields.id('tables')}-${tableId}-${direction < 0 ? 'up' : 'down'}`

/** One theme table: name, host, move up/down, and removal behind an inline confirmation. */
export function TableRow({ table, index, count, fields, confirming, onEdit, onMove, onAskRemove, onCancelRemove, onRemove, template }: Props) {
  const { t } = useTranslation()
  const questionId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const removeRef = useRef<HTMLButtonElement>(null)
  const wasConfirming = useRef(false)
  const label = table.name.trim() || t('setup.tables.row', { n: index + 1 })

  // Focus goes to "Abbrechen" when the question appears, and back to "Entfernen" when it is cancelled.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus()
    else if (wasConfirming.current) removeRef.current?.focus()
    wasConfirming.current = confirming
  }, [confirming])

  return (
    <fieldset className="setup-row setup-table-row">
      <legend>
        {t('setup.tables.row', { n: index + 1 })} <span className="setup-id">({t('setup.tables.id', { id: table.id })})</span>
      </legend>
      <TextField fields={fields} fieldKey={`tables.${index}.name`} label={t('setup.tables.name')} value={table.name} onChange={(name) => onEdit({ name })} />
      <TextField fields={fields} fieldKey={`tables.${index}.host`} label={t('setup.tables.host')} value={table.host} onChange={(host) => onEdit({ host })} />
      {template && <ColumnHeadingsEditor table={table} index={index} template={template} fields={fields} onEdit={(next) => onEdit({ columnHeadings: next.columnHeadings })} />}
      <div className="setup-row-actions">
        <button
          id={moveButtonId(fields, table.id, -1)}
          type="button"
          className="secondary setup-move"
          aria-label={t('setup.tables.moveUp', { name: label })}
          aria-disabled={index === 0 ? true : undefined}
          onClick={() => index > 0 && onMove(-1)}
        >
          ↑
        </button>
        <button
          id={moveButtonId(fields, table.id, 1)}
          type="button"
          className="secondary setup-move"
          aria-label={t('setup.tables.moveDown', { name: label })}
          aria-disabled={index === count - 1 ? true : undefined}
          onClick={() => index < count - 1 && onMove(1)}
        >
          ↓
        </button>
        {!confirming && (
          <button ref={removeRef} type="button" className="secondary setup-remove" aria-label={t('setup.tables.remove', { name: label })} onClick={onAskRemove}>
            {t('setup.remove')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="setup-confirm" onKeyDown={(e) => e.key === 'Escape' && onCancelRemove()}>
          <p id={questionId}>{t('setup.tables.confirmRemove')}</p>
          <button type="button" className="primary setup-danger" aria-describedby={questionId} onClick={onRemove}>
            {t('setup.yes')}
          </button>
          <button ref={cancelRef} type="button" className="secondary" aria-describedby={questionId} onClick={onCancelRemove}>
            {t('setup.cancel')}
          </button>
        </div>
      )}
    </fieldset>
  )
}
