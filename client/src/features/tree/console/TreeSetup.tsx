import { type Ack, type TischEvent, type TreeMethod, isTreeDay, treeMethodSchema } from '@tischrunde/shared'
import { type FormEvent, useId, useState } from 'react'
import { dayKey } from '../../../i18n/day-key.js'
import { errorText } from '../../../i18n/error-text.js'
import { useTranslation } from '../../../i18n/index.js'

/**
 * The facilitator's setup of the tree method: the attribute groups are formed by, its values (one a
 * line), the maximum group size, and which stations drive the morning (problem tree) and the
 * afternoon (solution tree), so the round controls, timer and locks run them like café stations.
 */
export function TreeSetup(props: { event: TischEvent; onSave: (method: TreeMethod) => Promise<Ack> }) {
  const { t } = useTranslation()
  const id = useId()
  const method = props.event.treeMethod!
  const stations = props.event.template.stations
  // On a day of trees the stations are its phases.
  const treeDay = isTreeDay(props.event)
  const [attribute, setAttribute] = useState(method.attribute)
  const [values, setValues] = useState(method.values.join('\n'))
  const [max, setMax] = useState(method.maxGroupSize === null ? '' : String(method.maxGroupSize))
  const [problem, setProblem] = useState(method.phaseStations?.problem ?? '')
  const [objective, setObjective] = useState(method.phaseStations?.objective ?? '')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = treeMethodSchema.safeParse({
      attribute,
      values: values
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean),
      maxGroupSize: max.trim() === '' ? null : Number(max),
      ...(problem && objective ? { phaseStations: { problem, objective } } : {}),
    })
    if (!parsed.success || (problem !== '') !== (objective !== '') || (problem !== '' && problem === objective)) return setMessage({ error: true, text: t('tree.setupInvalid') })
    const ack = await props.onSave(parsed.data)
    setMessage(ack.ok ? { error: false, text: t('tree.setupSaved') } : { error: true, text: errorText(t, ack) })
  }
  return (
    <details className="tree-setup">
      <summary>{t('tree.setupTitle')}</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={t('tree.setupTitle')}>
        <label htmlFor={`${id}-attr`}>{t('tree.setupAttribute')}</label>
        <input id={`${id}-attr`} value={attribute} maxLength={80} onChange={(e) => setAttribute(e.target.value)} />
        <label htmlFor={`${id}-values`}>{t('tree.setupValues')}</label>
        <textarea id={`${id}-values`} rows={5} value={values} onChange={(e) => setValues(e.target.value)} />
        <label htmlFor={`${id}-max`}>{t('tree.setupMax')}</label>
        <input id={`${id}-max`} type="number" min={2} max={500} value={max} onChange={(e) => setMax(e.target.value)} />
        <label htmlFor={`${id}-problem`}>{t(dayKey('tree.setupProblemStation', treeDay))}</label>
        <select id={`${id}-problem`} value={problem} onChange={(e) => setProblem(e.target.value)}>
          <option value="">{t('tree.setupNoStation')}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-objective`}>{t(dayKey('tree.setupObjectiveStation', treeDay))}</label>
        <select id={`${id}-objective`} value={objective} onChange={(e) => setObjective(e.target.value)}>
          <option value="">{t('tree.setupNoStation')}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p className="muted">{t(dayKey('tree.setupHint', treeDay))}</p>
        <button type="submit">{t('tree.save')}</button>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : undefined}>
            {message.text}
          </p>
        )}
      </form>
    </details>
  )
}
