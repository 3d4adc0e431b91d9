import type { FacilitatorEventView } from '@tischrunde/shared'
import { Suspense, lazy, useEffect, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { useParams } from 'wouter'
import '../../i18n/console-wording.js'
import { useDocumentTitle } from '../use-document-title.js'
import { QrCode } from '../../features/qr/QrCode.js'
import { TableLinks } from '../../features/tables/TableLinks.js'
import { RoundControls } from '../../features/rounds/RoundControls.js'
import { EventSetupForm } from '../../features/setup/EventSetupForm.js'
import { ShowNamesToggle } from '../../features/setup/ShowNamesToggle.js'
import { ExportPanel } from '../../features/export/ExportPanel.js'
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'
import { ApiFailure, api } from '../../sync/api.js'
import { takeTokenFromUrl } from '../../sync/credentials.js'
import { useControl } from '../../sync/hooks.js'
import { absolute, withQuery } from '../../sync/links.js'
import { LanguageSwitch } from '../LanguageSwitch.js'

// The tree method's console part comes with its own chunk.
const TreeConsole = lazy(() => import('../../features/tree/console/TreeConsole.js'))

/** The facilitator's console for one event: join code and QR, projector links, tables with presence. */
export default function Console() {
  const { t } = useTranslation()
  const eventId = useParams().eventId ?? ''
  const [token] = useState(() => takeTokenFromUrl(eventId, 'facilitator'))
  const [view, setView] = useState<FacilitatorEventView | null>(null)
  const [error, setError] = useState<string | null>(token ? null : t('errors.UNAUTHORIZED'))
  const control = useControl(view ? token : null)
  const round = useTischStore((s) => s.round)
  const event = useTischStore(selectEvent) ?? view?.event ?? null
  useDocumentTitle(event?.title)
  const presence = useTischStore((s) => s.presence)

  useEffect(() => {
    if (!token) return
    api.facilitatorView(eventId, token).then(setView, (e: unknown) => setError(e instanceof ApiFailure ? errorText(t, e.failure) : t('common.error')))
  }, [eventId, token, t])

  if (error)
    return (
      <main className="page console">
        <p className="field-error" role="alert">
          {error}
        </p>
      </main>
    )
  if (!view || !event) return <p className="page loading">{t('common.loading')}</p>
  const joinUrl = absolute(view.links.participant)

  return (
    <main className="page console">
      <header className="console-header">
        <div>
          <p className="eyebrow">{t('console.title')}</p>
          <h1>{event.title}</h1>
          <p>
            {event.date} · {event.place}
          </p>
        </div>
        <LanguageSwitch />
      </header>
      {round && (
        <RoundControls
          event={event}
          round={round}
          send={(name, payload) => control.current?.send(name, payload) ?? Promise.resolve({ ok: false, code: 'INTERNAL', message: t('errors.NETWORK') })}
        />
      )}
      <div className="console-grid">
        <section className="console-join" aria-labelledby="join-title">
          <h2 id="join-title">{t('console.joinCode')}</h2>
          <p className="join-code" aria-label={view.joinCode.split('').join(' ')}>
            {view.joinCode}
          </p>
          <QrCode url={joinUrl} label={t('console.qrAlt', { url: joinUrl })} size={240} />
          <p>
            {t('console.joinUrl')}: <a href={joinUrl}>{joinUrl}</a>
          </p>
          <p>
            <a className="button primary" href={view.links.projector} target="_blank" rel="noreferrer">
              {t('console.projectorAll')}
            </a>
          </p>
          <ShowNamesToggle
            shown={event.showNames}
            send={(showNames) => control.current?.send('event:display', { showNames }) ?? Promise.resolve({ ok: false, code: 'INTERNAL', message: t('errors.NETWORK') })}
          />
          {presence && (
            <p className="presence-summary">
              {t('console.unseated', { count: presence.unseated })} · {t('console.projectors', { count: presence.projectors })}
            </p>
          )}
        </section>
        <section className="console-tables" aria-labelledby="tables-title">
          <h2 id="tables-title">{t('console.tables')}</h2>
          {event.tables.length === 0 ? (
            <p>{t('console.noTables')}</p>
          ) : (
            <ol className="table-list">
              {event.tables.map((table) => (
                <li key={table.id} className="table-row">
                  <div>
                    <strong>{table.name}</strong>
                    {table.host && <span className="muted"> · {t('console.host', { name: table.host })}</span>}
                    <p className="muted" data-presence-table={table.id}>
                      {t('console.present', { count: presence?.byTable[table.id] ?? 0 })}
                    </p>
                    <TableLinks table={table} participantLink={view.links.participant} hostLink={view.links.hosts[table.id]} />
                  </div>
                  <a className="button secondary" href={withQuery(view.links.projector, 'table', table.id)} target="_blank" rel="noreferrer">
                    {t('console.projectorTable')}
                  </a>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {event.treeMethod && (
        <Suspense fallback={null}>
          <TreeConsole
          event={event}
          token={token!}
          projectorLink={view.links.projector}
          send={(groupId) => control.current?.send('tree:objectives', { groupId }) ?? Promise.resolve({ ok: false, code: 'INTERNAL', message: t('errors.NETWORK') })}
          />
        </Suspense>
      )}
      <section className="panel console-export">
        <ExportPanel eventId={eventId} token={token!} tables={event.tables} />
      </section>
      <section className="panel console-setup">
        <EventSetupForm
          event={event}
          started={round !== null && round.phase !== 'before-start'}
          onSave={(setup) => control.current?.send('event:update', { setup }) ?? Promise.resolve({ ok: false, code: 'INTERNAL', message: t('errors.NETWORK') })}
        />
      </section>
    </main>
  )
}
