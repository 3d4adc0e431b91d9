import type { ReactNode } from 'react'
import { BoardColumns } from '../../../features/board/BoardColumns.js'
import { BoardStatusBanner } from '../../../features/board/BoardStatusBanner.js'
import { AddCardForm } from '../../../features/cards/AddCardForm.js'
import { NameField } from '../../../features/join/NameField.js'
import type { PhoneStep } from '../../../features/phone/phone-step.js'
import { RoundBanner } from '../../../features/rounds/RoundBanner.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTischStore } from '../../../store/index.js'
import { selectBoard } from '../../../store/selectors.js'
import { changeCard, dismissRefusal, removeCard } from '../../../sync/hooks.js'
import { useFocusKeeper } from '../../../lib/use-focus-keeper.js'

type BoardStepProps = {
  header: ReactNode
  step: Extract<PhoneStep, { step: 'board' }>
  docName: string
  host: boolean
  authorId: string
  name: string
  onName: (name: string) => void
  /** Stands up to choose another table (participants only). */
  onLeave: () => void
  /** The moderation part (a host's queue and hide buttons, a participant's held cards), loaded on its own. */
  moderation?: ReactNode
}

/** The table's board: add cards at the running station, read the others; every station in the review. */
export function BoardStep({ header, step, docName, host, authorId, name, onName, onLeave, moderation }: BoardStepProps) {
  const { t } = useTranslation()
  const event = useTischStore((s) => s.event)
  const round = useTischStore((s) => s.round)
  const board = useTischStore(selectBoard(docName))
  const keepFocus = useFocusKeeper<HTMLElement>()
  if (!event) return null
  const { station, prompt, writable, view } = step
  return (
    <main className="page phone" ref={keepFocus}>
      {header}
      <BoardStatusBanner status={board.status} refused={board.refused} refusedTexts={board.refusedTexts} onHide={() => dismissRefusal(docName)} />
      <RoundBanner round={round} station={station} writable={writable} />
      {/* In the review and after the end every station has its own heading below: no station's question above them. */}
      {view.kind !== 'review' && (
        <p className="prompt">
          <span className="eyebrow">{prompt.title}</span> {prompt.prompt}
        </p>
      )}
      {host && <p className="muted">{t('join.hostHint')}</p>}
      {station && <AddCardForm key={station.id} docName={docName} station={station} disabled={!writable} authorName={name || undefined} />}
      {moderation}
      {view.kind === 'review' ? (
        view.stations.map((s) => (
          <section key={s.id} aria-label={s.title}>
            <h2>
              {s.title}: {s.prompt}
            </h2>
            <BoardColumns event={event} docName={docName} stationId={s.id} ownAuthorId={authorId} over />
          </section>
        ))
      ) : (
        <BoardColumns
          event={event}
          docName={docName}
          stationId={view.station.id}
          ownAuthorId={authorId}
          editsAll={view.editsAll}
          ownActions={
            view.ownEdits
              ? { edit: (id, text) => changeCard(docName, id, { text }), remove: (id) => removeCard(docName, id), resolve: (id, change) => changeCard(docName, id, change) }
              : undefined
          }
        />
      )}
      <div className="phone-footer">
        <NameField name={name} onChange={onName} />
        {!host && (
          <button type="button" className="secondary" onClick={onLeave}>
            {t('join.changeTable')}
          </button>
        )}
      </div>
    </main>
  )
}
