import type { Template } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { GroupMessage, groupProps } from './SetupField.js'
import { StationEditor } from './StationEditor.js'
import { SETUP_LIMITS, newStation, replaced, without } from './setup-draft.js'
import type { SetupFields } from './use-setup-draft.js'

type Props = {
  template: Template
  /** After the start only wording may change: no station or column is added or removed, so no card loses its place. */
  started: boolean
  /** A day of trees: the stations are its phases, bound to the trees, so none is added or removed and they have no columns. */
  phases?: boolean
  fields: SetupFields
  onChange: (template: Template, reshaped?: boolean) => void
}

/** The Stationen every theme table goes through, with their prompts and Spalten. */
export function TemplateEditor({ template, started, phases = false, fields, onChange }: Props) {
  const { t } = useTranslation()
  const stations = template.stations
  const setStations = (next: Template['stations'], reshaped?: boolean) => onChange({ ...template, stations: next }, reshaped)

  return (
    <section className="setup-section" aria-labelledby={`${fields.id('template')}-title`} {...groupProps(fields, 'template')}>
      <h3 id={`${fields.id('template')}-title`}>{t(phases ? 'setup.template.phasesTitle' : 'setup.template.title')}</h3>
      <p className="setup-hint">{phases ? t('setup.template.phasesHint') : started ? t('setup.template.startedHint') : t('setup.template.hint')}</p>
      <GroupMessage fields={fields} fieldKey="template" />
      <div {...groupProps(fields, 'template.stations')}>
        <GroupMessage fields={fields} fieldKey="template.stations" />
        <ol className="setup-list">
          {stations.map((station, i) => (
            <li key={station.id} data-focus-item={station.id}>
              <StationEditor
                station={station}
                index={i}
                reshapable={!started && !phases}
                phase={phases}
                canRemove={stations.length > 1}
                fields={fields}
                onChange={(next, reshaped) => setStations(replaced(stations, i, next), reshaped)}
                onRemove={() => setStations(without(stations, i), true)}
              />
            </li>
          ))}
        </ol>
      </div>
      {!started && !phases && stations.length < SETUP_LIMITS.stations && (
        <button type="button" className="secondary" onClick={() => setStations([...stations, newStation(stations, t('setup.template.newStationTitle', { n: stations.length + 1 }))], true)}>
          + {t('setup.template.addStation')}
        </button>
      )}
    </section>
  )
}
