import type { Station, ThemeTable } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { suggestNextTable } from './visits.js'

/**
 * At a new station: "Bitte wechselt den Tisch". The suggested next table is one tap; visited tables
 * are marked; hosts stay.
 */
export function RotationPrompt(props: { station: Station; tables: ThemeTable[]; current: string | null; visited: ReadonlySet<string>; onPick: (tableId: string) => void }) {
  const { t } = useTranslation()
  const suggestion = suggestNextTable(
    props.tables.map((x) => x.id),
    props.current,
    props.visited,
  )
  return (
    <section className="rotation" aria-labelledby="rotation-title">
      <h2 id="rotation-title">{t('rotation.title', { station: props.station.title })}</h2>
      <p>{t('rotation.move')}</p>
      <ul className="table-picker">
        {props.tables.map((table) => {
          const visited = props.visited.has(table.id)
          const here = table.id === props.current
          return (
            <li key={table.id}>
              <button
                type="button"
                className={table.id === suggestion && !here ? 'table-button table-button-suggested' : 'table-button'}
                onClick={() => props.onPick(table.id)}
                aria-describedby={visited || here ? `rot-${table.id}` : undefined}
              >
                {table.name}
                {(visited || here) && (
                  <span id={`rot-${table.id}`} className="table-note">
                    {here ? t('rotation.current') : t('rotation.visited')}
                  </span>
                )}
              </button>
            </li>
          )
        })}
      </ul>
      {props.current && (
        <button type="button" className="secondary" onClick={() => props.onPick(props.current!)}>
          {t('rotation.stay')}
        </button>
      )}
    </section>
  )
}
