import { findTable } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { BoardColumns } from '../../features/board/BoardColumns.js'
import { BoardStatusBanner } from '../../features/board/BoardStatusBanner.js'
import { QrCode } from '../../features/qr/QrCode.js'
import { TablePicker } from '../../features/tables/TablePicker.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard, selectEvent, stationAt } from '../../store/selectors.js'
import { takeTokenFromUrl } from '../../sync/credentials.js'
import { useBoard, useControl } from '../../sync/hooks.js'
import { absolute } from '../../sync/links.js'

/** The projector: one table's current station in large type, cards appearing live. Read-only. */
export default function Projector() {
  const { t } = useTranslation()
  const eventId = useParams().eventId ?? ''
  const [params, setParams] = useSearchParams()
  const [token] = useState(() => takeTokenFromUrl(eventId, 'projector'))
  useControl(token)
  const event = useTischStore(selectEvent)
  const joinCode = useTischStore((s) => s.joinCode)
  const controlStatus = useTischStore((s) => s.controlStatus)
  const tableId = params.get('table')
  const table = event && tableId ? findTable(event, tableId) : undefined
  const docName = useBoard({ eventId, tableId: table ? table.id : null, token, authorId: 'projector', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const [stationIndex, setStationIndex] = useState(0)

  useEffect(() => {
    if (!event) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') setStationIndex((i) => Math.min(i + 1, event.template.stations.length - 1))
      if (e.key === 'ArrowLeft') setStationIndex((i) => Math.max(i - 1, 0))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [event])

  if (!token || controlStatus === 'denied')
    return (
      <main className="page projector">
        <p className="field-error" role="alert">
          {t('errors.UNAUTHORIZED')}
        </p>
      </main>
    )
  if (!event) return <p className="page loading projector">{t('common.loading')}</p>
  const joinUrl = joinCode ? absolute(`/j/${joinCode}`) : null

  if (!table || !docName)
    return (
      <main className="page projector projector-join">
        <h1>{event.title}</h1>
        {joinUrl && joinCode && (
          <div className="projector-join-box">
            <QrCode url={joinUrl} label={t('console.qrAlt', { url: joinUrl })} size={360} />
            <p className="join-code">{joinCode}</p>
            <p>{t('projector.joinWith', { url: joinUrl, code: joinCode })}</p>
          </div>
        )}
        <h2>{t('projector.pickTable')}</h2>
        <TablePicker tables={event.tables} current={null} onPick={(id) => setParams({ table: id })} />
      </main>
    )

  const station = stationAt(event, stationIndex)
  return (
    <main className="page projector">
      <header className="projector-header">
        <div>
          <p className="eyebrow">
            {station.title} · {t('board.readOnly')}
          </p>
          <h1>{table.name}</h1>
          <p className="prompt">{station.prompt}</p>
        </div>
        {joinUrl && joinCode && (
          <div className="projector-corner">
            <QrCode url={joinUrl} label={t('console.qrAlt', { url: joinUrl })} size={140} />
            <p className="join-code-small">{joinCode}</p>
          </div>
        )}
      </header>
      <BoardStatusBanner status={board.status} />
      <BoardColumns event={event} docName={docName} stationId={station.id} live />
      <p className="muted keys-hint">{t('projector.keys')}</p>
    </main>
  )
}
