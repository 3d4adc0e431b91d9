import { findTable } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { BoardColumns } from '../../features/board/BoardColumns.js'
import { BoardStatusBanner } from '../../features/board/BoardStatusBanner.js'
import { AddCardForm } from '../../features/cards/AddCardForm.js'
import { StationTabs } from '../../features/board/StationTabs.js'
import { TablePicker } from '../../features/tables/TablePicker.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard, selectEvent, stationAt } from '../../store/selectors.js'
import { ApiFailure, api } from '../../sync/api.js'
import { type ParticipantIdentity, forgetParticipant, rememberParticipant, rememberTable, storedParticipant, storedTable } from '../../sync/credentials.js'
import { useBoard, useControl } from '../../sync/hooks.js'
import { LanguageSwitch } from '../LanguageSwitch.js'

/** The participant's phone: join with the code, pick a table, add cards. */
export default function Phone() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const [identity, setIdentity] = useState<ParticipantIdentity | null>(() => storedParticipant(code))
  const [joinError, setJoinError] = useState<string | null>(null)

  useEffect(() => {
    if (identity) return
    let live = true
    api.join(code).then(
      (res) => {
        if (!live) return
        const id = { eventId: res.eventId, participantId: res.participantId, token: res.token }
        rememberParticipant(code, id)
        setIdentity(id)
      },
      (e: unknown) => live && setJoinError(e instanceof ApiFailure ? t(`errors.${e.code}`) : t('common.error')),
    )
    return () => {
      live = false
    }
  }, [code, identity, t])

  const controlStatus = useTischStore((s) => s.controlStatus)
  useEffect(() => {
    // A stored identity the server no longer accepts (event reset, link revoked): join again.
    if (controlStatus === 'denied' && identity) {
      forgetParticipant(code)
      setIdentity(null)
    }
  }, [controlStatus, identity, code])

  if (joinError)
    return (
      <main className="page phone">
        <h1>{t('app.name')}</h1>
        <p className="field-error" role="alert">
          {joinError}
        </p>
        <a href="/" className="button secondary">
          {t('common.backHome')}
        </a>
      </main>
    )
  if (!identity) return <p className="page loading">{t('join.joining')}</p>
  return <JoinedPhone identity={identity} />
}

function JoinedPhone({ identity }: { identity: ParticipantIdentity }) {
  const { t } = useTranslation()
  const control = useControl(identity.token)
  const event = useTischStore(selectEvent)
  const [tableId, setTableId] = useState<string | null>(() => storedTable(identity.eventId))
  const [stationIndex, setStationIndex] = useState(0)
  const table = event && tableId ? findTable(event, tableId) : undefined
  const docName = useBoard({ eventId: identity.eventId, tableId: table ? table.id : null, token: identity.token, authorId: identity.participantId, keepLocal: true })
  const board = useTischStore(selectBoard(docName ?? ''))
  const controlStatus = useTischStore((s) => s.controlStatus)

  useEffect(() => {
    if (controlStatus === 'online') void control.current?.send('presence:table', { tableId: table?.id ?? null })
  }, [table?.id, controlStatus, control])

  if (!event) return <p className="page loading">{t('common.loading')}</p>
  const pick = (id: string | null) => {
    rememberTable(identity.eventId, id)
    setTableId(id)
  }
  if (!table || !docName)
    return (
      <main className="page phone">
        <header className="phone-header">
          <h1>{event.title}</h1>
          <LanguageSwitch />
        </header>
        <h2>{t('join.pickTable')}</h2>
        <p>{t('join.pickTableHint')}</p>
        <TablePicker tables={event.tables} current={null} onPick={pick} />
      </main>
    )
  const station = stationAt(event, stationIndex)
  return (
    <main className="page phone">
      <header className="phone-header">
        <div>
          <p className="eyebrow">{t('join.yourTable')}</p>
          <h1>{table.name}</h1>
        </div>
        <button type="button" className="secondary" onClick={() => pick(null)}>
          {t('join.changeTable')}
        </button>
      </header>
      <BoardStatusBanner status={board.status} />
      <StationTabs stations={event.template.stations} index={stationIndex} onChange={setStationIndex} />
      <p className="prompt">{station.prompt}</p>
      <AddCardForm key={station.id} docName={docName} station={station} />
      <BoardColumns event={event} docName={docName} stationId={station.id} ownAuthorId={identity.participantId} />
    </main>
  )
}
