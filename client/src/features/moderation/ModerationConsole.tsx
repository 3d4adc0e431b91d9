import { type RoundState, type TischEvent, collecting, countKey, moderationDocName } from '@tischrunde/shared'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/moderation-wording.js'
import { useHeldCardsState, useModerationModesState } from '../../sync/moderation-docs.js'
import type { SendCommand } from './send.js'
import { labelText } from '../../lib/label-text.js'
import { TableModeration } from './TableModeration.js'
import { LabelledSelect, tableOptions } from '../harvest/LabelledSelect.js'
import './moderation.css'
import { fileNameOf } from '../export/download-export.js'

/** The console's moderation panel: approval and collect modes, reveals, and one table's cards at a time. */
export default function ModerationConsole(props: { event: TischEvent; round: RoundState | null; token: string; send: SendCommand }) {
  const { event, token, send } = props
  const { t } = useTranslation()
  // Until the server's modes arrive every switch would read "off": they wait, so none is switched by mistake.
  const { modes, synced } = useModerationModesState(event.id, token)
  const [tableId, setTableId] = useState(event.tables[0]?.id ?? null)
  // A switched mode shows at once; the server's state takes over once it arrives (or a refusal undoes it).
  const [switched, setSwitched] = useState<ReadonlyMap<string, boolean>>(new Map())
  const [failed, setFailed] = useState(false)
  // A reveal takes its button away: what it did is said (the focus stays with the station's row).
  // Cards that come to wait for approval are said in the same place.
  const [revealedSaid, setRevealedSaid] = useState('')
  const actual = (key: string): boolean => {
    const [stationId, mode] = key.split('/') as [string, 'approval' | 'collect']
    return stationId === '*' ? modes.event.approval : (modes.stations.get(stationId)?.[mode] ?? false)
  }
  const shown = (key: string) => switched.get(key) ?? actual(key)
  const toggle = async (key: string, on: boolean) => {
    const [stationId, mode] = key.split('/') as [string, 'approval' | 'collect']
    setSwitched((m) => new Map(m).set(key, on))
    const ack = await send('station:moderation', { stationId: stationId === '*' ? null : stationId, [mode]: on })
    setFailed(!ack.ok)
    if (!ack.ok) setSwitched((m) => new Map([...m].filter(([k]) => k !== key)))
  }
  useEffect(() => {
    setSwitched((m) => (m.size === 0 || [...m].every(([k, v]) => actual(k) !== v) ? m : new Map([...m].filter(([k, v]) => actual(k) !== v))))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the server's modes
  }, [modes])
  const collectedAt = (stationId: string) => event.tables.reduce((sum, table) => sum + (modes.counts.get(countKey(table.id, stationId)) ?? 0), 0)

  return (
    <section className="panel console-moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('moderation.title')}</h2>
      <p className="muted">{t('moderation.intro')}</p>
      {failed && (
        <p className="field-error" role="alert">
          {t('moderation.modeFailed')}
        </p>
      )}
      {!synced && (
        <p className="muted" role="status">
          {t('moderation.loadingModes')}
        </p>
      )}
      <p className="moderation-event">
        <label>
          <input type="checkbox" disabled={!synced} checked={shown('*/approval')} onChange={(e) => void toggle('*/approval', e.target.checked)} />
          {t('moderation.eventApproval')}
        </label>
      </p>
      <h3>{t('moderation.stations')}</h3>
      <ul className="moderation-stations">
        {event.template.stations.map((station) => {
          const mode = modes.stations.get(station.id)
          const open = collecting(modes, station.id)
          return (
            <li key={station.id} className="moderation-station" data-moderation-station={station.id} data-focus-item={`station-${station.id}`}>
              <strong id={`moderation-station-${station.id}`}>{station.title}</strong>
              {(['approval', 'collect'] as const).map((mode) => (
                <StationModeBox key={mode} stationId={station.id} mode={mode} disabled={!synced} checked={shown(`${station.id}/${mode}`)} onChange={(on) => void toggle(`${station.id}/${mode}`, on)} />
              ))}
              {open && (
                <>
                  <span role="status">{t('moderation.collected', { count: collectedAt(station.id) })}</span>
                  <button type="button" className="primary" onClick={() => void send('station:reveal', { stationId: station.id }).then((ack) => (setFailed(!ack.ok), setRevealedSaid(ack.ok ? t('moderation.revealedSaid', { station: station.title }) : '')))}>
                    {t('moderation.reveal', { station: station.title })}
                  </button>
                </>
              )}
              {mode?.collect && mode.revealedAt !== null && <span className="muted">{t('moderation.revealed')}</span>}
            </li>
          )
        })}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {revealedSaid}
      </p>
      {event.tables.length > 0 && tableId && (
        <>
          <p>
            <LabelledSelect label={t('moderation.pickTable')} value={tableId} onChange={setTableId} options={tableOptions(event.tables)} />
          </p>
          <div className="moderation-queues" role="group" aria-label={t('moderation.queuesLabel')}>
            {event.tables.map((table) => (
              <TableQueueButton key={table.id} eventId={event.id} tableId={table.id} name={table.name} token={token} onPick={() => setTableId(table.id)} onArrived={setRevealedSaid} />
            ))}
          </div>
          <TableModeration key={tableId} eventId={event.id} tableId={tableId} token={token} send={send} collected />
        </>
      )}
      <HeldCardsDownload eventId={event.id} token={token} />
    </section>
  )
}

/** The facilitator's list of every card held off the boards, as a CSV file (the documentation leaves them out). */
function HeldCardsDownload(props: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const hintId = useId()
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle')
  const download = async () => {
    setState('loading')
    try {
      const res = await fetch(`/api/events/${encodeURIComponent(props.eventId)}/moderation/held.csv`, { headers: { authorization: `Bearer ${props.token}` } })
      if (!res.ok) return setState('failed')
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = fileNameOf(res, 'Zurueckgehaltene-Karten.csv')
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      setState('idle')
    } catch {
      setState('failed')
    }
  }
  return (
    <p className="moderation-held-export">
      <button type="button" className="secondary" aria-describedby={hintId} disabled={state === 'loading'} onClick={() => void download()}>
        {t('moderation.heldExport')}
      </button>{' '}
      <span id={hintId} className="muted">
        {t('moderation.heldExportHint')}
      </span>
      {state === 'failed' && (
        <span className="field-error" role="alert">
          {' '}
          {t('moderation.heldExportFailed')}
        </span>
      )}
    </p>
  )
}

/** A table with cards waiting for approval: how many, and a button that opens that table below. */
function TableQueueButton(props: { eventId: string; tableId: string; name: string; token: string; onPick: () => void; onArrived: (said: string) => void }) {
  const { t } = useTranslation()
  const { held, synced } = useHeldCardsState(moderationDocName(props.eventId, props.tableId), props.token)
  const pending = held.filter((h) => h.status === 'pending')
  const waiting = pending.length
  // Cards that came to wait since the panel opened are said (not those already waiting when it opened).
  const known = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (!synced) return
    const ids = pending.map((h) => h.card.id)
    const arrived = known.current === null ? [] : ids.filter((id) => !known.current!.has(id))
    known.current = new Set(ids)
    if (arrived.length > 0) props.onArrived(t('moderation.arrivedSaid', { count: arrived.length, table: props.name, text: labelText(pending.find((h) => h.card.id === arrived[0])?.card.text ?? '') }))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the held cards
  }, [held, synced])
  if (waiting === 0) return null
  return (
    <button type="button" className="secondary" onClick={props.onPick}>
      {props.name} · {t('moderation.waiting', { count: waiting })}
    </button>
  )
}

/** One station's "Freigabe nötig" or "Erst sammeln" box, heard with its station ("Freigabe nötig Station 1"), not as one of three alike. */
function StationModeBox(props: { stationId: string; mode: 'approval' | 'collect'; checked: boolean; disabled: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation()
  const id = `moderation-${props.mode}-${props.stationId}`
  return (
    <label>
      <input type="checkbox" aria-labelledby={`${id} moderation-station-${props.stationId}`} disabled={props.disabled} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span id={id}>{t(props.mode === 'approval' ? 'moderation.stationApproval' : 'moderation.stationCollect')}</span>
    </label>
  )
}
