import { METHOD_TEMPLATES, type MethodTemplateId, methodTemplateIn } from '@tischrunde/shared'
import { useTranslation } from '../../../i18n/index.js'
import { TREE_DAY, treeDayTemplate } from './tree-day.js'
import { PROGRAMME_DAY } from './programme-day.js'

/** A new event's method: one of the café templates, a problem/solution-tree day in small groups, or a day of workshops. */
export type MethodChoiceId = MethodTemplateId | typeof TREE_DAY | typeof PROGRAMME_DAY

/** The method templates a new event can start from, with the stations and columns of the chosen one. */
export function MethodChoice(props: { value: MethodChoiceId; onChange: (id: MethodChoiceId) => void; groups: string; onGroups: (groups: string) => void; attribute: string; onAttribute: (attribute: string) => void }) {
  const { t, language } = useTranslation()
  const tree = props.value === TREE_DAY
  // The stations an event created now starts with, in the interface's language.
  const chosen = { template: tree ? treeDayTemplate(language) : methodTemplateIn(METHOD_TEMPLATES.find((m) => m.id === props.value) ?? METHOD_TEMPLATES[0], language) }
  return (
    <fieldset className="method-choice">
      <legend>{t('landing.method')}</legend>
      {[...METHOD_TEMPLATES, { id: TREE_DAY } as const, { id: PROGRAMME_DAY } as const].map((m) => (
        <label key={m.id} className={m.id === props.value ? 'choice choice-selected' : 'choice'}>
          <input type="radio" name="method" value={m.id} checked={m.id === props.value} onChange={() => props.onChange(m.id)} />
          {t(`landing.templates.${m.id}`)}
        </label>
      ))}
      {props.value === PROGRAMME_DAY ? (
        <div className="method-preview" aria-live="polite">
          <p className="muted">{t('landing.programmeDayPreview')}</p>
        </div>
      ) : (
        <div className="method-preview" aria-live="polite">
          {/* A tree day's stations are its two phases: one tree each, no columns to show. */}
          <p className="muted">{t(tree ? 'landing.phasesOf' : 'landing.stationsOf', { count: chosen.template.stations.length })}</p>
          <ol>
            {chosen.template.stations.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong>: {s.prompt}
                {!tree && (
                  <ul aria-label={t('landing.columnsOf', { station: s.title })}>
                    {s.columns.map((c) => (
                      <li key={c.id}>{c.title}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {tree && (
            <>
              <label htmlFor="ev-attribute">{t('landing.treeAttribute')}</label>
              <input id="ev-attribute" value={props.attribute} onChange={(e) => props.onAttribute(e.target.value)} />
              <label htmlFor="ev-groups">{t('landing.treeGroups')}</label>
              <textarea id="ev-groups" rows={4} value={props.groups} aria-describedby="ev-groups-hint" onChange={(e) => props.onGroups(e.target.value)} />
              <p id="ev-groups-hint" className="muted">
                {t('landing.treeGroupsHint')}
              </p>
            </>
          )}
          <p className="muted">{t(tree ? 'landing.phasesLater' : 'landing.methodLater')}</p>
        </div>
      )}
    </fieldset>
  )
}

/** How the participants' phones address them in German. */
export function AddressChoice(props: { value: 'du' | 'sie'; onChange: (value: 'du' | 'sie') => void }) {
  const { t } = useTranslation()
  return (
    <fieldset className="column-choice">
      <legend>{t('landing.address')}</legend>
      {(['sie', 'du'] as const).map((form) => (
        <label key={form} className={form === props.value ? 'choice choice-selected' : 'choice'}>
          <input type="radio" name="address" value={form} checked={form === props.value} onChange={() => props.onChange(form)} />
          {t(`landing.address_${form}`)}
        </label>
      ))}
    </fieldset>
  )
}
