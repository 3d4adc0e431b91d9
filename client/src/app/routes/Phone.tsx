import { boardDocName } from '@tischrunde/shared'
import { lazy, useEffect } from 'react'
import { useParams } from 'wouter'
import { phoneStep } from '../../features/phone/phone-step.js'
import { usePhoneSeat } from '../../features/phone/use-phone-seat.js'
import { RotationPrompt } from '../../features/rotation/RotationPrompt.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'
import type { ParticipantIdentity } from '../../sync/credentials.js'
import { useBoard, useControl } from '../../sync/hooks.js'
import { useDocumentTitle } from '../use-document-title.js'
import { BoardStep } from './phone/BoardStep.js'
import { PhoneHeader } from './phone/PhoneHeader.js'
import { PickTableStep } from './phone/PickTableStep.js'
import { TableclothStep } from './phone/TableclothStep.js'
import { usePhoneJoin } from './phone/use-phone-join.js'

// The tree method's phone screen comes with its own chunk: café-only phones never load it.
const TreePhone = lazy(() => import('../../features/tree/phone/TreePhone.js'))

/**
 * The participant's phone: join with the code, pick a table, add cards. A table host's link
 * (`#k=` with a host credential) opens the same screen as the table's scribe.
 */
export default function Phone() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const { identity, error, assignedTable } = usePhoneJoin(code)
  if (error)
    return (
      <main className="page phone">
        <h1>{t('app.name')}</h1>
        <p className="field-error" role="alert">
          {error}
        </p>
        <a href="/" className="button secondary">
          {t('common.backHome')}
        </a>
      </main>
    )
  if (!identity) return <p className="page loading">{t('join.joining')}</p>
  return <JoinedPhone identity={identity} assignedTable={assignedTable} />
}

/** Which screen shows is phoneStep's decision; this component only connects and renders it. */
function JoinedPhone({ identity, assignedTable }: { identity: ParticipantIdentity; assignedTable: string | null }) {
  const { t } = useTranslation()
  const control = useControl(identity.token, identity.eventId)
  const event = useTischStore(selectEvent)
  const round = useTischStore((s) => s.round)
  const controlStatus = useTischStore((s) => s.controlStatus)
  useDocumentTitle(event?.title)
  const seat = usePhoneSeat(identity, assignedTable)
  const host = identity.hostTable !== undefined
  const step = phoneStep({ event, round, host, tableId: seat.tableId, visits: seat.visits, tableclothsSeen: seat.tableclothsSeen })
  const seatedAt = 'table' in step ? step.table.id : null
  useBoard({ eventId: identity.eventId, tableId: seatedAt, token: identity.token, authorId: identity.participantId, keepLocal: true })

  useEffect(() => {
    if (controlStatus === 'online') void control.current?.send('presence:table', { tableId: seatedAt })
  }, [seatedAt, controlStatus, control])

  if (!event || step.step === 'loading') return <p className="page loading">{t('common.loading')}</p>
  if (event.treeMethod && event.tables.length === 0 && !host) return <TreePhone header={<PhoneHeader host={false} table={undefined} />} event={event} identity={identity} />
  if (step.step === 'pick-table')
    return <PickTableStep header={<PhoneHeader host={host} table={undefined} />} station={step.station} name={seat.name} onName={seat.changeName} onPick={seat.pick} />

  const header = <PhoneHeader host={host} table={step.table} />
  const docName = boardDocName(identity.eventId, step.table.id)
  if (step.step === 'rotation')
    return (
      <main className="page phone">
        {header}
        <RotationPrompt station={step.station} tables={event.tables} current={step.table.id} visited={step.visited} onPick={seat.pick} />
      </main>
    )
  if (step.step === 'tablecloth')
    return <TableclothStep key={step.key} header={header} docName={docName} station={step.station} earlier={step.earlier} onContinue={() => seat.markTableclothRead(step.key)} />
  return (
    <BoardStep
      header={header}
      step={step}
      docName={docName}
      host={host}
      authorId={identity.participantId}
      name={seat.name}
      onName={seat.changeName}
      onLeave={() => seat.pick(null)}
    />
  )
}
