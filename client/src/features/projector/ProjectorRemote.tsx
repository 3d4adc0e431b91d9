import { ActingSelect } from '../../app/ActingSelect.js'
import { type Ack, type ProjectorDisplay, type ProjectorView, type RoundState, type Spotlight, type TischEvent, isTreeDay } from '@tischrunde/shared'
import { useMemo, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { LANGUAGES, useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard, stationAt, stationColumns } from '../../store/selectors.js'
import { useBoard } from '../../sync/hooks.js'
import { defaultDisplay, remoteStationIndex, stepDisplay } from './remote-display.js'
import { RemoteViews } from './RemoteViews.js'
import { TreeRemote } from './TreeRemote.js'

const VIEWS: readonly ProjectorView[] = ['table', 'wall', 'review', 'join', 'actors']

/**
 * The console's remote for every projector of the event: the view, the table, stepping through the
 * review, and a spotlight that shows one card or one column huge. It shows what the projectors were
 * last told (the server echoes each command to the console), so two consoles stay in step.
 */
export function ProjectorRemote(props: { event: TischEvent; round: RoundState; token: string; send: (display: ProjectorDisplay, only?: 'language') => Promise<Ack> }) {
  const { event, round } = props
  const { t } = useTranslation()
  const told = useTischStore((s) => s.projectorDisplay)
  const display = told?.display ?? defaultDisplay(event, round)
  const [failure, setFailure] = useState<string | null>(null)
  const tableId = display.tableId ?? event.tables[0]?.id ?? null
  const station = stationAt(event, remoteStationIndex(display, round))
  const docName = useBoard({ eventId: event.id, tableId, token: props.token, authorId: 'console', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const columns = useMemo(() => stationColumns(board, event, station.id), [board, event, station.id])

  const show = async (next: ProjectorDisplay, only?: 'language') => {
    const ack = await (only ? props.send(next, only) : props.send(next))
    setFailure(ack.ok ? null : errorText(t, ack))
  }
  const spotlight = (s: Spotlight | null) => void show({ ...display, tableId, spotlight: s })
  const tableName = event.tables.find((x) => x.id === tableId)?.name ?? ''
  // Never "Groß zeigen · · Station": a part without a name is left out.
  const spotlightHeading = [t('remote.spotlight'), tableName, station.title].filter((part) => part.trim() !== '').join(' · ')

  if (isTreeDay(event))
    return (
      <section className="panel projector-remote" aria-labelledby="remote-title">
        <h2 id="remote-title">{t('remote.title')}</h2>
        <TreeRemote event={event} round={round} token={props.token} display={display} show={(next) => void show(next)} />
        <ProjectorLanguage value={display.language ?? 'de'} onAct={(language) => void show({ ...display, language }, 'language')} />
        <p className="field-error" role="alert">
          {failure}
        </p>
      </section>
    )

  return (
    <section className="panel projector-remote" aria-labelledby="remote-title">
      <h2 id="remote-title">{t('remote.title')}</h2>
      <RemoteViews
        views={VIEWS}
        current={display.view}
        label={(view) => t(`remote.${view}`)}
        onShow={(view) => void show({ ...display, view, tableId, station: view === 'review' ? (display.station ?? 0) : display.station, spotlight: null })}
      />
      {event.tables.length > 0 && (
        <p>
          <label htmlFor="remote-table">{t('remote.whichTable')}</label>{' '}
          <ActingSelect id="remote-table" value={tableId ?? ''} onAct={(chosen) => void show({ ...display, tableId: chosen, spotlight: null })}>
            {event.tables.map((table) => (
              <option key={table.id} value={table.id}>
                {table.name}
              </option>
            ))}
          </ActingSelect>
        </p>
      )}
      <ProjectorLanguage value={display.language ?? 'de'} onAct={(language) => void show({ ...display, language }, 'language')} />
      {display.view === 'review' && (
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void show(stepDisplay(display, 'prev-station', event))}>
            ← {t('remote.prev')}
          </button>
          <span aria-live="polite">{t('remote.position', { table: tableName, station: station.title })}</span>
          <button type="button" className="secondary" onClick={() => void show(stepDisplay(display, 'next-station', event))}>
            {t('remote.next')} →
          </button>
        </div>
      )}
      <h3>{spotlightHeading}</h3>
      {display.spotlight && (
        <p role="status">
          <button type="button" className="primary" onClick={() => spotlight(null)}>
            {t('remote.spotlightOff')}
          </button>
        </p>
      )}
      <div className="remote-columns">
        {columns.map((column) => (
          <section key={column.id} aria-label={column.title}>
            <button type="button" className="secondary" onClick={() => tableId && spotlight({ kind: 'column', tableId, stationId: station.id, columnId: column.id })}>
              {t('remote.spotlightColumn', { column: column.title })}
            </button>
            {column.cards.length === 0 ? (
              <p className="muted">{t('remote.noCards')}</p>
            ) : (
              <ul className="remote-cards">
                {column.cards.map((card) => (
                  <li key={card.id}>
                    <button
                      type="button"
                      className="remote-card"
                      aria-pressed={display.spotlight?.kind === 'card' && display.spotlight.cardId === card.id}
                      aria-label={`${t('remote.spotlightCard')}: ${card.text}`}
                      onClick={() => tableId && spotlight({ kind: 'card', tableId, cardId: card.id })}
                    >
                      {card.text}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <p className="field-error" role="alert">
        {failure}
      </p>
    </section>
  )
}

/** "Sprache auf dem Beamer": the projectors' wording in German or English (the cards stay as written). */
function ProjectorLanguage({ value, onAct }: { value: 'de' | 'en'; onAct: (language: 'de' | 'en') => void }) {
  const { t } = useTranslation()
  return (
    <p>
      <label htmlFor="remote-language">{t('remote.language')}</label>{' '}
      <ActingSelect id="remote-language" value={value} aria-describedby="remote-language-hint" onAct={(chosen) => onAct(chosen === 'en' ? 'en' : 'de')}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </ActingSelect>{' '}
      <span id="remote-language-hint" className="muted">
        {t('remote.languageHint')}
      </span>
    </p>
  )
}
