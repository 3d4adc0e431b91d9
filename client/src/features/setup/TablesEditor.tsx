import type { Template, ThemeTable } from '@tischrunde/shared'
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { GroupMessage, groupProps } from './SetupField.js'
import { TableRow, moveButtonId } from './TableRow.js'
import { SETUP_LIMITS, moved, newTable, replaced, without } from './setup-draft.js'
import type { SetupFields } from './use-setup-draft.js'

type Props = {
  tables: ThemeTable[]
  /** Ids not to give a new table: the saved event's, so a re-added name does not pick up a removed table's cards. */
  reservedIds: readonly string[]
  fields: SetupFields
  /** `reshaped`: a table was added, removed or moved. */
  onChange: (tables: ThemeTable[], reshaped?: boolean) => void
  /** The stations, for each table's own column headings. */
  template?: Template
}

/** The Thementische: add, rename, host, order, remove (with confirmation). Ids never change after adding. */
export function TablesEditor({ tables, reservedIds, fields, onChange, template }: Props) {
  const { t } = useTranslation()
  const newId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [focusMove, setFocusMove] = useState<{ tableId: string; direction: -1 | 1 } | null>(null)

  useEffect(() => {
    if (!focusMove) return
    const index = tables.findIndex((x) => x.id === focusMove.tableId)
    // At the top or bottom the same button no longer does anything: continue with the other one.
    const atEnd = focusMove.direction < 0 ? index === 0 : index === tables.length - 1
    const direction = atEnd ? (-focusMove.direction as -1 | 1) : focusMove.direction
    document.getElementById(moveButtonId(fields, focusMove.tableId, direction))?.focus()
    setFocusMove(null)
  }, [focusMove, tables, fields])

  const add = () => {
    if (!name.trim()) return setNameError(t('setup.errors.required.tableName'))
    const taken = [...tables.map((x) => x.id), ...reservedIds]
    onChange([...tables, newTable(name, taken)], true)
    setName('')
    setNameError(null)
  }
  const onNameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return
    e.preventDefault() // Enter adds the table instead of submitting the whole setup
    add()
  }
  const remove = (index: number) => {
    onChange(without(tables, index), true)
    setConfirmingId(null)
    headingRef.current?.focus()
  }

  return (
    <section className="setup-section" aria-labelledby={`${fields.id('tables')}-title`}>
      <h3 id={`${fields.id('tables')}-title`} ref={headingRef} tabIndex={-1}>
        {t('setup.tables.title')}
      </h3>
      <p className="setup-hint">{t('setup.tables.hint')}</p>
      <div {...groupProps(fields, 'tables')}>
        <GroupMessage fields={fields} fieldKey="tables" />
        {tables.length === 0 ? (
          <p className="muted">{t('setup.tables.empty')}</p>
        ) : (
          <ol className="setup-list">
            {tables.map((table, i) => (
              <li key={table.id} data-focus-item={table.id}>
                <TableRow
                  table={table}
                  index={i}
                  count={tables.length}
                  fields={fields}
                  confirming={confirmingId === table.id}
                  onEdit={(patch) => onChange(replaced(tables, i, { ...table, ...patch }))}
                  {...(template ? { template } : {})}
                  onMove={(direction) => {
                    onChange(moved(tables, i, i + direction), true)
                    setFocusMove({ tableId: table.id, direction })
                  }}
                  onAskRemove={() => setConfirmingId(table.id)}
                  onCancelRemove={() => setConfirmingId(null)}
                  onRemove={() => remove(i)}
                />
              </li>
            ))}
          </ol>
        )}
      </div>
      {tables.length < SETUP_LIMITS.tables && (
        <div className="setup-add">
          <div className="setup-field">
            <label htmlFor={newId}>{t('setup.tables.newName')}</label>
            <input
              id={newId}
              value={name}
              autoComplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${newId}-error` : undefined}
              onChange={(e) => {
                setName(e.target.value)
                setNameError(null)
              }}
              onKeyDown={onNameKey}
            />
            {nameError && (
              <p id={`${newId}-error`} className="field-error">
                {nameError}
              </p>
            )}
          </div>
          <button type="button" className="secondary" onClick={add}>
            + {t('setup.tables.add')}
          </button>
        </div>
      )}
    </section>
  )
}
