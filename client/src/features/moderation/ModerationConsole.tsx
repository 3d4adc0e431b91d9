import { type RoundState, type TischEvent, collecting, countKey } from '@tischrunde/shared'
import { useId, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/moderation-wording.js'
import { useModerationModes } from '../../sync/moderation-docs.js'
import type { SendCommand } from './send.js'
import { TableModeration } from './TableModeration.js'
import './moderation.css'

/** The console's moderation panel: approval and collect modes, reveals, and one table's cards at a time. */
export default function ModerationConsole(props: { event: TischEvent; round: RoundState | null; token: string; send: SendCommand }) {
  const { event, token, send } = props
  const { t } = useTranslation()
  const modes = useModerationModes(event.id, token)
  const [tableId, setTableId] = useState(event.tables[0]?.id ?? null)
  const pickId = useId()
  const collectedAt = (stationId: string) => event.tables.reduce((sum, table) => sum + (modes.counts.get(countKey(table.id, stationId)) ?? 0), 0)

  return (
    <section className="panel console-moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('moderation.title')}</h2>
      <p className="muted">{t('moderation.intro')}</p>
      <p className="moderation-event">
        <label>
          <input type="checkbox" checked={modes.event.approval} onChange={(e) => void send('station:moderation', { stationId: null, approval: e.target.checked })} />
          {t('moderation.eventApproval')}
        </label>
      </p>
      <h3>{t('moderation.stations')}</h3>
      <ul className="moderation-stations">
        {event.template.stations.map((station) => {
          const mode = modes.stations.get(station.id)
          const open = collecting(modes, station.id)
          return (
            <li key={station.id} className="moderation-station" data-moderation-station={station.id}>
              <strong>{station.title}</strong>
              <label>
                <input type="checkbox" checked={mode?.approval ?? false} onChange={(e) => void send('station:moderation', { stationId: station.id, approval: e.target.checked })} />
                {t('moderation.stationApproval')}
              </label>
              <label>
                <input type="checkbox" checked={mode?.collect ?? false} onChange={(e) => void send('station:moderation', { stationId: station.id, collect: e.target.checked })} />
                {t('moderation.stationCollect')}
              </label>
              {open && (
                <>
                  <span role="status">{t('moderation.collected', { count: collectedAt(station.id) })}</span>
                  <button type="button" className="primary" onClick={() => void send('station:reveal', { stationId: station.id })}>
                    {t('moderation.reveal', { station: station.title })}
                  </button>
                </>
              )}
              {mode?.collect && mode.revealedAt !== null && <span className="muted">{t('moderation.revealed')}</span>}
            </li>
          )
        })}
      </ul>
      {event.tables.length > 0 && tableId && (
        <>
          <p>
            <label htmlFor={pickId}>{t('moderation.pickTable')} </label>
            <select id={pickId} value={tableId} onChange={(e) => setTableId(e.target.value)}>
              {event.tables.map((table) => (
                <option key={table.id} value={table.id}>
                  {table.name}
                </option>
              ))}
            </select>
          </p>
          <TableModeration key={tableId} eventId={event.id} tableId={tableId} token={token} send={send} />
        </>
      )}
    </section>
  )
}
