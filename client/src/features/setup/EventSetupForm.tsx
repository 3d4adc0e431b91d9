import { type Ack, type EventSetup, type TischEvent, isTreeDay } from '@tischrunde/shared'
import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { AgendaEditor } from './AgendaEditor.js'
import { TablesEditor } from './TablesEditor.js'
import { TemplateEditor } from './TemplateEditor.js'
import { TextField } from './SetupField.js'
import { useSetupDraft } from './use-setup-draft.js'
import './setup.css'

export type EventSetupFormProps = {
  event: TischEvent
  /** Whether the stations have started; then stations and columns can only be reworded. */
  started: boolean
  /** Sends the setup (validated, agenda sorted by time); a refusal's message is shown at `path` or at the top. */
  onSave: (setup: EventSetup) => Promise<Ack>
}

/**
 * The facilitator's editor for an event: basics, Tagesprogramm, Thementische and Stationen, saved in
 * one go. A day of trees has no theme tables, and its stations are its phases (one tree each).
 */
export function EventSetupForm({ event, started, onSave }: EventSetupFormProps) {
  const { t } = useTranslation()
  const programmeStored = useTischStore((s) => s.programmeStored)
  const { draft, change, fields, dirty, outdated, formError, status, save, discard } = useSetupDraft(event, started, onSave)
  const reservedIds = useMemo(() => event.tables.map((x) => x.id), [event.tables])
  const titleId = `${fields.id('form')}-title`
  const saving = status === 'saving'
  const treeDay = isTreeDay(event)
  // A day of workshops alone: theme tables and stations matter only if a World Café is added to it,
  // so they wait folded away instead of asking for "Station 1" on a day that has none.
  const workshopDay = programmeStored && !treeDay && event.tables.length === 0
  const [cafeShown, setCafeShown] = useState(false)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void save()
  }

  return (
    <form className="panel setup-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{t('setup.title')}</h2>
      {formError && (
        <p className="field-error setup-form-error" role="alert">
          {formError}
        </p>
      )}
      {outdated && (
        <p className="banner" role="status">
          {t('setup.outdated')}
        </p>
      )}

      <section className="setup-section" aria-labelledby={`${titleId}-basics`}>
        <h3 id={`${titleId}-basics`}>{t('setup.basics')}</h3>
        <TextField fields={fields} fieldKey="title" label={t('setup.eventTitle')} value={draft.title} onChange={(v) => change('title', v)} />
        <div className="setup-pair">
          <TextField fields={fields} fieldKey="date" type="date" label={t('setup.date')} value={draft.date} onChange={(v) => change('date', v)} />
          <TextField fields={fields} fieldKey="place" label={t('setup.place')} value={draft.place} onChange={(v) => change('place', v)} />
        </div>
      </section>

      <AgendaEditor agenda={draft.agenda} fromProgramme={programmeStored} fields={fields} onChange={(v, reshaped) => change('agenda', v, reshaped)} />
      {workshopDay ? (
        <details className="setup-section setup-cafe-extra" open={cafeShown || draft.tables.length > 0} onToggle={(e) => setCafeShown(e.currentTarget.open)}>
          <summary>{t('setup.cafeOnWorkshopDay')}</summary>
          <p className="muted">{t('setup.cafeOnWorkshopDayHint')}</p>
          <TablesEditor tables={draft.tables} reservedIds={reservedIds} fields={fields} template={draft.template} onChange={(v, reshaped) => change('tables', v, reshaped)} />
          <TemplateEditor template={draft.template} started={started} phases={false} fields={fields} onChange={(v, reshaped) => change('template', v, reshaped)} />
        </details>
      ) : (
        <>
          {!treeDay && <TablesEditor tables={draft.tables} reservedIds={reservedIds} fields={fields} template={draft.template} onChange={(v, reshaped) => change('tables', v, reshaped)} />}
          <TemplateEditor template={draft.template} started={started} phases={treeDay} fields={fields} onChange={(v, reshaped) => change('template', v, reshaped)} />
        </>
      )}

      <div className="setup-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('setup.saving') : t('setup.save')}
        </button>
        {dirty && !saving && (
          <button type="button" className="secondary" onClick={discard}>
            {t('setup.discard')}
          </button>
        )}
        <p className="setup-status" role="status">
          {saving ? null : status === 'saved' && !dirty ? <span className="notice">{t('setup.saved')}</span> : dirty ? <span className="setup-dirty">{t('setup.unsaved')}</span> : null}
        </p>
      </div>
    </form>
  )
}
