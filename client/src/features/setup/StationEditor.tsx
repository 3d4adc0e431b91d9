import type { Station } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { GroupMessage, TextField, groupProps } from './SetupField.js'
import { SETUP_LIMITS, newColumn, replaced, without } from './setup-draft.js'
import type { SetupFields } from './use-setup-draft.js'

type Props = {
  station: Station
  index: number
  /** Stations and columns may be added or removed (only before the start). */
  reshapable: boolean
  /** A phase of a day of trees: a title and a prompt, no columns. */
  phase?: boolean
  canRemove: boolean
  fields: SetupFields
  onChange: (station: Station, reshaped?: boolean) => void
  onRemove: () => void
}

/** One station of the template: title, prompt and its columns (a tree day's phase: title and prompt). */
export function StationEditor({ station, index, reshapable, phase = false, canRemove, fields, onChange, onRemove }: Props) {
  const { t } = useTranslation()
  const base = `template.stations.${index}`
  const columnsKey = `${base}.columns`
  const n = index + 1

  return (
    <fieldset className="setup-row setup-station">
      <legend>{t(phase ? 'setup.template.phase' : 'setup.template.station', { n })}</legend>
      <TextField fields={fields} fieldKey={`${base}.title`} label={t(phase ? 'setup.template.phaseTitle' : 'setup.template.stationTitle')} value={station.title} onChange={(title) => onChange({ ...station, title })} />
      <TextField
        fields={fields}
        fieldKey={`${base}.prompt`}
        multiline
        label={t('setup.template.prompt')}
        value={station.prompt}
        onChange={(prompt) => onChange({ ...station, prompt })}
      />
      {!phase && (
        <fieldset className="setup-columns" {...groupProps(fields, columnsKey)}>
          <legend>{t('setup.template.columns')}</legend>
          <GroupMessage fields={fields} fieldKey={columnsKey} />
          <ol className="setup-list">
            {station.columns.map((column, j) => (
              <li key={column.id} className="setup-column" data-focus-item={column.id}>
                <TextField
                  fields={fields}
                  fieldKey={`${columnsKey}.${j}.title`}
                  label={t('setup.template.column', { n: j + 1 })}
                  value={column.title}
                  onChange={(title) => onChange({ ...station, columns: replaced(station.columns, j, { ...column, title }) })}
                />
                {reshapable && station.columns.length > 1 && (
                  <button
                    type="button"
                    className="secondary setup-remove"
                    aria-label={t('setup.template.removeColumn', { n: j + 1, station: n })}
                    onClick={() => onChange({ ...station, columns: without(station.columns, j) }, true)}
                  >
                    {t('setup.remove')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {reshapable && station.columns.length < SETUP_LIMITS.columns && (
            <button
              type="button"
              className="secondary"
              aria-label={t('setup.template.addColumnTo', { station: n })}
              onClick={() => onChange({ ...station, columns: [...station.columns, newColumn(station)] }, true)}
            >
              + {t('setup.template.addColumn')}
            </button>
          )}
        </fieldset>
      )}
      {reshapable && canRemove && (
        <button type="button" className="secondary setup-remove" onClick={onRemove}>
          {t('setup.template.removeStation', { n })}
        </button>
      )}
    </fieldset>
  )
}
