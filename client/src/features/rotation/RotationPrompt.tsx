import type { Station, ThemeTable } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { suggestNextTable } from './visits.js'

/**
 * At a new station: "Bitte wechselt den Tisch". The server suggests each phone its own next table
 * (spreading the people of one table, keeping tables balanced); offline, the phone falls back to
 * the next table it has not visited. The suggestion is one tap and says it is one; visited tables
 * are marked; hosts stay.
 */
export function RotationPrompt(props: { station: Station; tables: ThemeTable[]; current: string | null; visited: ReadonlySet<string>; onPick: (tableId: string) => void }) {
  const { t } = useTranslation()
  const fromServer = useTischStore((s) => (s.suggestion?.stationId === props.station.id ? s.suggestion.tableId : null))
  const suggestionId = fromServer ?? suggestNextTable(props.tables.map((x) => x.id), props.current, props.visited)
  const suggestion = props.tables.find((x) => x.id === suggestionId && x.id !== props.current)
  return (
    <section className="rotation" aria-labelledby="rotation-title">
      <h2 id="rotation-title" tabIndex={-1} data-step-focus="rotation">{t('rotation.title', { station: props.station.title })}</h2>
      <p>{t('rotation.move')}</p>
      {suggestion && (
        <div className="rotation-suggestion" data-testid="rotation-suggestion" data-suggested-by={fromServer ? 'server' : 'phone'}>
          <p className="rotation-suggestion-label">{t('rotation.suggestionLabel')}</p>
          <button type="button" className="primary" onClick={() => props.onPick(suggestion.id)}>
            {t('rotation.goTo', { table: suggestion.name })}
          </button>
          <p className="muted">{t('rotation.suggestionHint')}</p>
        </div>
      )}
      <h3 className="rotation-others">{t('rotation.others')}</h3>
      <ul className="table-picker">
        {props.tables.map((table) => {
          const visited = props.visited.has(table.id)
          const here = table.id === props.current
          return (
            <li key={table.id}>
              <button type="button" className="table-button" onClick={() => props.onPick(table.id)} aria-describedby={visited || here ? `rot-${table.id}` : undefined}>
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
