import { findTable } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { useParams } from 'wouter'
import { useDocumentTitle } from '../use-document-title.js'
import { BoardColumns } from '../../features/board/BoardColumns.js'
import { BoardStatusBanner } from '../../features/board/BoardStatusBanner.js'
import { AddCardForm } from '../../features/cards/AddCardForm.js'
import { TablePicker } from '../../features/tables/TablePicker.js'
import { RotationPrompt } from '../../features/rotation/RotationPrompt.js'
import { Tablecloth } from '../../features/rotation/Tablecloth.js'
import { type Visits, readVisits, recordVisit, visitedTables } from '../../features/rotation/visits.js'
import { RoundBanner } from '../../features/rounds/RoundBanner.js'
import { RoundTimer } from '../../features/rounds/RoundTimer.js'
import { useTischStore } from '../../store/index.js'
import { canWrite, currentStation, selectBoard, selectEvent, stationAt } from '../../store/selectors.js'
import { ApiFailure, api } from '../../sync/api.js'
import {
  type ParticipantIdentity,
  forgetParticipant,
  rememberName,
  rememberParticipant,
  rememberTable,
  storedName,
  storedParticipant,
  storedTable,
  assignedTable as assignedInLink,
  clearLinkParts,
  fragmentToken,
} from '../../sync/credentials.js'
import { NameField } from '../../features/join/NameField.js'
import { useBoard, useControl } from '../../sync/hooks.js'
import { changeCard, removeCard } from '../../sync/board-connection.js'
import { LanguageSwitch } from '../LanguageSwitch.js'

/**
 * The participant's phone: join with the code, pick a table, add cards. A table host's link
 * (`#k=` with a host credential) opens the same screen as the table's scribe.
 */
export default function Phone() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  // Read during render (pure), removed from the address after mounting.
  const [hostToken] = useState(fragmentToken)
  const [assignedTable] = useState(assignedInLink)
  useEffect(clearLinkParts, [])
  const [identity, setIdentity] = useState<ParticipantIdentity | null>(() => (hostToken ? null : storedParticipant(code)))
  const [joinError, setJoinError] = useState<string | null>(null)

  useEffect(() => {
    if (identity || !hostToken) return
    let live = true
    api.credential(hostToken).then(
      (info) => {
        if (!live) return
        if (info.role !== 'host' || !info.tableId || !info.participantId) return setJoinError(t('join.hostLinkInvalid'))
        const id = { eventId: info.eventId, participantId: info.participantId, token: hostToken, hostTable: info.tableId }
        rememberParticipant(code, id)
        setIdentity(id)
      },
      (e: unknown) => live && setJoinError(e instanceof ApiFailure && e.code !== 'NETWORK' ? t('join.hostLinkInvalid') : t('errors.NETWORK')),
    )
    return () => {
      live = false
    }
  }, [code, identity, hostToken, t])

  useEffect(() => {
    if (identity || hostToken) return
    let live = true
    api.join(code).then(
      (res) => {
        if (!live) return
        const id = { eventId: res.eventId, participantId: res.participantId, token: res.token }
        rememberParticipant(code, id)
        setIdentity(id)
      },
      (e: unknown) => live && setJoinError(e instanceof ApiFailure ? errorText(t, e.failure) : t('common.error')),
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
      if (identity.hostTable) return setJoinError(t('join.hostLinkInvalid'))
      setIdentity(null)
    }
  }, [controlStatus, identity, code, t])

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
  return <JoinedPhone identity={identity} assignedTable={assignedTable} />
}

function JoinedPhone({ identity, assignedTable }: { identity: ParticipantIdentity; assignedTable: string | null }) {
  const { t } = useTranslation()
  const control = useControl(identity.token, identity.eventId)
  const event = useTischStore(selectEvent)
  useDocumentTitle(event?.title)
  const round = useTischStore((s) => s.round)
  const host = identity.hostTable !== undefined
  const [tableId, setTableId] = useState<string | null>(() => {
    const chosen = identity.hostTable ?? assignedTable
    if (chosen) rememberTable(identity.eventId, chosen)
    return chosen ?? storedTable(identity.eventId)
  })
  const [name, setName] = useState(() => storedName(identity.eventId))
  const changeName = (next: string) => {
    rememberName(identity.eventId, next)
    setName(next)
  }
  const [visits, setVisits] = useState<Visits>(() => readVisits(identity.eventId))
  const [readCloth, setReadCloth] = useState<string | null>(null)
  const table = event && tableId ? findTable(event, tableId) : undefined
  const docName = useBoard({ eventId: identity.eventId, tableId: table ? table.id : null, token: identity.token, authorId: identity.participantId, keepLocal: true })
  const board = useTischStore(selectBoard(docName ?? ''))
  const controlStatus = useTischStore((s) => s.controlStatus)
  const station = event ? currentStation(event, round) : null

  useEffect(() => {
    if (controlStatus === 'online') void control.current?.send('presence:table', { tableId: table?.id ?? null })
  }, [table?.id, controlStatus, control])

  useEffect(() => {
    // Staying at the table (first station, or joined late): this station's table is the current one.
    if (!event || !station || !table || visits[station.id] !== undefined) return
    const index = event.template.stations.findIndex((s) => s.id === station.id)
    if (index === 0 || Object.keys(visits).length === 0) setVisits(recordVisit(identity.eventId, station.id, table.id))
  }, [event, station, table, visits, identity.eventId])

  if (!event) return <p className="page loading">{t('common.loading')}</p>
  const pick = (id: string | null) => {
    rememberTable(identity.eventId, id)
    setTableId(id)
    if (id && station) setVisits(recordVisit(identity.eventId, station.id, id))
  }
  const header = (
    <header className="phone-header">
      <div>
        <p className="eyebrow">{host ? t('join.hostEyebrow') : table ? t('join.yourTable') : event.title}</p>
        <h1>{table ? table.name : t('join.pickTable')}</h1>
      </div>
      <RoundTimer />
    </header>
  )
  if (!table || !docName)
    return (
      <main className="page phone">
        {header}
        <RoundBanner round={round} station={station} writable />
        <NameField name={name} onChange={changeName} open />
        <p>{t('join.pickTableHint')}</p>
        <TablePicker tables={event.tables} current={null} onPick={pick} />
        <LanguageSwitch />
      </main>
    )

  // A new station and this phone has not chosen its table for it yet: World-Café rotation.
  const stationIndex = station ? event.template.stations.findIndex((s) => s.id === station.id) : 0
  const needsRotation = !host && station !== null && stationIndex > 0 && visits[station.id] === undefined && Object.keys(visits).length > 0
  if (station && needsRotation)
    return (
      <main className="page phone">
        {header}
        <RotationPrompt station={station} tables={event.tables} current={table.id} visited={visitedTables(visits, station.id)} onPick={pick} />
      </main>
    )

  const earlier = event.template.stations.slice(0, Math.max(0, stationIndex))
  const clothKey = station ? `${station.id}/${table.id}` : null
  if (!host && station && earlier.length > 0 && clothKey !== readCloth && !seenCloth(identity.eventId, clothKey!))
    return (
      <main className="page phone">
        {header}
        <Tablecloth
          event={event}
          docName={docName}
          station={station}
          earlier={earlier}
          hasCards={board.cards.some((c) => earlier.some((s) => s.id === c.stationId))}
          onContinue={() => {
            markClothSeen(identity.eventId, clothKey!)
            setReadCloth(clothKey)
          }}
        />
      </main>
    )

  const shown = station ?? stationAt(event, round?.phase === 'before-start' || !round ? 0 : round.stationIndex)
  const writable = station !== null && canWrite(event, round, station.id)
  return (
    <main className="page phone">
      {header}
      <BoardStatusBanner status={board.status} refused={board.refused} refusedTexts={board.refusedTexts} />
      <RoundBanner round={round} station={station} writable={writable} />
      <p className="prompt">
        <span className="eyebrow">{shown.title}</span> {shown.prompt}
      </p>
      {host && <p className="muted">{t('join.hostHint')}</p>}
      {station && <AddCardForm key={station.id} docName={docName} station={station} disabled={!writable} authorName={name || undefined} />}
      {round && (round.phase === 'review' || round.phase === 'closed')
        ? event.template.stations.map((s) => (
            <section key={s.id} aria-label={s.title}>
              <h2>
                {s.title}: {s.prompt}
              </h2>
              <BoardColumns event={event} docName={docName} stationId={s.id} ownAuthorId={identity.participantId} />
            </section>
          ))
        : <BoardColumns
            event={event}
            docName={docName}
            stationId={shown.id}
            ownAuthorId={identity.participantId}
            editsAll={host && writable}
            ownActions={writable ? { edit: (id, text) => changeCard(docName, id, { text }), remove: (id) => removeCard(docName, id) } : undefined}
          />}
      <div className="phone-footer">
        <NameField name={name} onChange={changeName} />
        {!host && (
          <button type="button" className="secondary" onClick={() => pick(null)}>
            {t('join.changeTable')}
          </button>
        )}
        <LanguageSwitch />
      </div>
    </main>
  )
}

const clothStorageKey = (eventId: string) => `tischrunde.tablecloth.${eventId}`
function seenCloth(eventId: string, key: string): boolean {
  return (window.localStorage.getItem(clothStorageKey(eventId)) ?? '').split('|').includes(key)
}
function markClothSeen(eventId: string, key: string): void {
  const seen = (window.localStorage.getItem(clothStorageKey(eventId)) ?? '').split('|').filter(Boolean)
  window.localStorage.setItem(clothStorageKey(eventId), [...seen, key].join('|'))
}
