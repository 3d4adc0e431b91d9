import type { AgendaItem } from '@tischrunde/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { GroupMessage, TextField, groupProps } from './SetupField.js'
import { SETUP_LIMITS, replaced, without } from './setup-draft.js'
import type { SetupFields } from './use-setup-draft.js'

type Props = {
  agenda: AgendaItem[]
  /** The event has a programme: its agenda is the programme's view, shown here, edited there. */
  fromProgramme?: boolean
  fields: SetupFields
  /** `reshaped`: a row was added or removed. */
  onChange: (agenda: AgendaItem[], reshaped?: boolean) => void
}

/** The Tagesprogramm: one row per item with time, title and details (e.g. who speaks in which role). */
export function AgendaEditor({ agenda, fromProgramme = false, fields, onChange }: Props) {
  const { t } = useTranslation()
  const addRef = useRef<HTMLButtonElement>(null)
  const [focusRow, setFocusRow] = useState<number | null>(null)

  useEffect(() => {
    if (focusRow === null) return
    if (focusRow < 0) addRef.current?.focus()
    else document.getElementById(fields.id(`agenda.${focusRow}.time`))?.focus()
    setFocusRow(null)
  }, [focusRow, fields])

  const edit = (index: number, patch: Partial<AgendaItem>) => onChange(replaced(agenda, index, { ...agenda[index]!, ...patch }))
  const add = () => {
    onChange([...agenda, { time: '', title: '', detail: '' }], true)
    setFocusRow(agenda.length)
  }
  const remove = (index: number) => {
    onChange(without(agenda, index), true)
    setFocusRow(-1)
  }

  if (fromProgramme)
    return (
      <section className="setup-section" aria-labelledby={`${fields.id('agenda')}-title`}>
        <h3 id={`${fields.id('agenda')}-title`}>{t('setup.agenda.title')}</h3>
        <p className="setup-hint">{t('setup.agenda.fromProgramme')}</p>
        <ol className="setup-agenda-read">
          {agenda.map((item, i) => (
            <li key={i}>
              <strong>{item.time}</strong> {item.title}
            </li>
          ))}
        </ol>
      </section>
    )
  return (
    <section className="setup-section" aria-labelledby={`${fields.id('agenda')}-title`}>
      <h3 id={`${fields.id('agenda')}-title`}>{t('setup.agenda.title')}</h3>
      <p className="setup-hint">{t('setup.agenda.hint')}</p>
      <div {...groupProps(fields, 'agenda')}>
        <GroupMessage fields={fields} fieldKey="agenda" />
        {agenda.length === 0 ? (
          <p className="muted">{t('setup.agenda.empty')}</p>
        ) : (
          <ol className="setup-list">
            {agenda.map((item, i) => (
              <li key={i} data-focus-item={i}>
                <fieldset className="setup-row setup-agenda-row">
                  <legend>{t('setup.agenda.row', { n: i + 1 })}</legend>
                  <TextField fields={fields} fieldKey={`agenda.${i}.time`} type="time" label={t('setup.agenda.time')} value={item.time} onChange={(time) => edit(i, { time })} />
                  <TextField fields={fields} fieldKey={`agenda.${i}.title`} label={t('setup.agenda.itemTitle')} value={item.title} onChange={(title) => edit(i, { title })} />
                  <TextField
                    fields={fields}
                    fieldKey={`agenda.${i}.detail`}
                    multiline
                    label={t('setup.agenda.detail')}
                    value={item.detail}
                    onChange={(detail) => edit(i, { detail })}
                  />
                  <button type="button" className="secondary setup-remove" aria-label={t('setup.agenda.remove', { n: i + 1 })} onClick={() => remove(i)}>
                    {t('setup.remove')}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
      </div>
      {agenda.length < SETUP_LIMITS.agenda && (
        <button ref={addRef} type="button" className="secondary" onClick={add}>
          + {t('setup.agenda.add')}
        </button>
      )}
    </section>
  )
}
