import { ErrorCode, type FacilitatorEventView, fail, isTreeDay, own } from '@tischrunde/shared'
import { SpelledCode } from '../SpelledCode.js'
import { useCallback, useEffect, useState } from 'react'
import { ScreenPart } from '../ScreenPart.js'
import { lazyPart } from '../../lib/load-part.js'
import { errorText } from '../../i18n/error-text.js'
import { setAddressForm, useTranslation } from '../../i18n/index.js'
import { formatEventDate } from '../../i18n/dates.js'
import { useParams } from 'wouter'
import '../../i18n/console-wording.js'
import { useDocumentTitle } from '../use-document-title.js'
import { useFocusKeeper } from '../../lib/use-focus-keeper.js'
import { QrCode } from '../../features/qr/QrCode.js'
import { TableLinks } from '../../features/tables/TableLinks.js'
import { TableSigns } from '../../features/tables/TableSigns.js'
import { RoundControls } from '../../features/rounds/RoundControls.js'
import { EndDay } from '../../features/rounds/EndDay.js'
import { RoundSettingsForm } from '../../features/rounds/RoundSettingsForm.js'
import { ProjectorRemote } from '../../features/projector/ProjectorRemote.js'
import { EventSetupForm } from '../../features/setup/EventSetupForm.js'
import { type FreshLink, FacilitatorLink } from '../../features/setup/FacilitatorLink.js'
import { ShowNamesToggle } from '../../features/setup/ShowNamesToggle.js'
import { ExportPanel } from '../../features/export/ExportPanel.js'
import { GuessingNotice } from '../../features/access/GuessingNotice.js'
import { RenewButton } from '../../features/access/RenewButton.js'
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'
import { api } from '../../sync/api.js'
import { takeTokenFromUrl } from '../../sync/credentials.js'
import { useControl } from '../../sync/hooks.js'
import { absolute, usePublicUrl, withQuery } from '../../sync/links.js'
import { LanguageSwitch } from '../LanguageSwitch.js'
import { useConsoleView } from './use-console-view.js'
import { RetentionPanel } from '../../features/privacy/RetentionPanel.js'
import { PrivacyNoticeForm } from '../../features/privacy/PrivacyNoticeForm.js'
import { LiveAnnouncer } from '../../features/privacy/LiveAnnouncer.js'
import { SkipLink } from '../../features/privacy/SkipLink.js'
import { SectionJumps } from '../SectionJumps.js'
import { isProgrammeOnlyDay } from '../../features/programme/programme-day.js'

// The tree method's console part comes with its own chunk.
const TreeConsole = lazyPart(() => import('../../features/tree/console/TreeConsole.js'))
// The actor map (who can help) comes with its own chunk.
const ActorConsole = lazyPart(() => import('../../features/actors/ActorConsole.js'))
// The day's programme panel (editor, seats taken, shifts): its own chunk.
const ProgrammeConsole = lazyPart(() => import('../../features/programme/ProgrammeConsole.js'))
// Moderation (hide, approve, collect and reveal) comes with its own chunk.
const ModerationConsole = lazyPart(() => import('../../features/moderation/ModerationConsole.js'))
// Dot voting (steps, live ranking, ranking downloads) comes with its own chunk.
const VoteConsole = lazyPart(() => import('../../features/harvest/VoteConsole.js'))
/** The documentation's framing (subtitle, organisers, Einleitung, Ausblick): its own chunk. */
const FramingForm = lazyPart(() => import('../../features/framing/FramingForm.js'))

/**
 * `?neu=1`: the console was opened right after creating the event; `?neu=link`: with a facilitator
 * link renewed just now. Either way the link is shown once, prominently, to be saved.
 */
function readFreshFlag(): FreshLink {
  const neu = new URL(window.location.href).searchParams.get('neu')
  return neu === '1' ? 'event' : neu === 'link' ? 'link' : false
}

/**
 * Takes the flag out of the address once the console stands (a reload shows no notice again).
 * Not while rendering: a render React throws away (the English wording still loading) would take
 * it before the console that stays reads it — the English console never showed the new link.
 */
function useFreshFlag(): FreshLink {
  const [fresh] = useState(readFreshFlag)
  useEffect(() => {
    const url = new URL(window.location.href)
    if (!url.searchParams.has('neu')) return
    url.searchParams.delete('neu')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
  }, [])
  return fresh
}

/** Opens the console anew with the facilitator link just renewed (the old one no longer opens anything). */
function openRenewedLink(view: FacilitatorEventView): void {
  const url = new URL(absolute(view.links.facilitator))
  url.searchParams.set('neu', 'link')
  window.location.assign(url.href)
}

/** The facilitator's console for one event: control bar, join code and QR, projector remote, tables with presence. */
export default function Console() {
  const { t, language } = useTranslation()
  const eventId = useParams().eventId ?? ''
  const fresh = useFreshFlag()
  const keepFocus = useFocusKeeper<HTMLElement>()
  const [token] = useState(() => takeTokenFromUrl(eventId, 'facilitator'))
  // Failures are kept as codes and worded at render, so a language switch rewords them too.
  const { view, failure, otherEvent, setView } = useConsoleView(eventId, token)
  const [linkShown, setLinkShown] = useState(fresh !== false)
  const control = useControl(view ? token : null)
  const round = useTischStore((s) => s.round)
  const event = useTischStore(selectEvent) ?? view?.event ?? null
  useDocumentTitle(event?.title, 'console')
  const presence = useTischStore((s) => s.presence)
  const controlStatus = useTischStore((s) => s.controlStatus)
  const publicUrl = usePublicUrl()
  // Before the end: held cards the results would miss (no answer: the question is asked without them).
  const askWaiting = useCallback(() => (token ? api.heldCounts(eventId, token).catch(() => null) : Promise.resolve(null)), [eventId, token])
  // The console speaks to facilitators as "Sie", also in the parts it shares with phones (a workshop's card form).
  useEffect(() => {
    void setAddressForm('sie').catch(() => {})
    return () => void setAddressForm('du')
  }, [])

  if (otherEvent)
    return (
      <main className="page console">
        <p className="field-error" role="alert">
          {t('control.otherEvent', { title: otherEvent.title })}{' '}
          <a href={`/e/${encodeURIComponent(otherEvent.id)}/console#k=${encodeURIComponent(token!)}`}>{t('control.otherEventOpen', { title: otherEvent.title })}</a>
        </p>
      </main>
    )
  if (failure)
    return (
      <main className="page console">
        <p className="field-error" role="alert">
          {errorText(t, failure)}
        </p>
        {failure.code === 'UNAUTHORIZED' && <BadLinkHelp />}
      </main>
    )
  // The link was renewed on another console (or the event's links revoked): nothing here works any more.
  if (controlStatus === 'denied')
    return (
      <main className="page console">
        <p className="field-error" role="alert">
          {t('control.linkRevoked')}
        </p>
        <BadLinkHelp />
      </main>
    )
  if (!view || !event) return <p className="page loading">{t('common.loading')}</p>
  const joinUrl = absolute(view.links.participant)
  const renew = { eventId, token: token!, onRenewed: setView }
  // A programme-only day has no café to run: no round bar, remote or round settings.
  const programmeOnly = isProgrammeOnlyDay(event)
  // A day of trees in small groups alone: no theme tables to list, nobody "without a table".
  const treesOnly = isTreeDay(event)
  const send: Parameters<typeof RoundControls>[0]['send'] = (name, payload) =>
    control.current?.send(name, payload) ?? Promise.resolve(fail(ErrorCode.NETWORK))

  return (
    <main className="page console" ref={keepFocus}>
      <SkipLink target="console-content" programmeOnly={programmeOnly} treeDay={treesOnly} />
      <LiveAnnouncer />
      <header className="console-header">
        <div>
          <p className="eyebrow">{t('console.title')}</p>
          <h1>{event.title}</h1>
          <p>
            {formatEventDate(event.date, language)}
            {event.place && ` · ${event.place}`}
          </p>
        </div>
        <div className="console-header-actions">
          <button type="button" className="secondary" aria-expanded={linkShown} aria-controls="facilitator-link" onClick={() => setLinkShown((s) => !s)}>
            {linkShown ? t('control.linkHide') : t('control.linkShow')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <SectionJumps />
      <GuessingNotice />
      {round && !programmeOnly && <RoundControls event={event} round={round} send={send} askWaiting={event.tables.length > 0 ? askWaiting : undefined} />}
      {round && programmeOnly && <EndDay round={round} send={send} />}
      {/* After the day's controls: on a small or zoomed screen Start and Weiter come first. */}
      <RetentionPanel eventId={eventId} token={token!} title={event.title} eventDate={event.date} />
      {linkShown && (
        <div id="facilitator-link">
          <FacilitatorLink
            url={absolute(view.links.facilitator)}
            fresh={fresh}
            onClose={() => setLinkShown(false)}
            renew={<RenewButton {...renew} which={{ credential: 'facilitator' }} label={t('console.renewFacilitator')} confirm={t('console.confirmRenewFacilitator')} onRenewed={openRenewedLink} />}
          />
        </div>
      )}
      {controlStatus === 'offline' && (
        <p className="banner banner-warning" role="status">
          {t('control.offline')}
        </p>
      )}
      {publicUrl.ready && publicUrl.loopback && (
        <p className="banner banner-warning" role="alert">
          {t('control.loopback', { host: window.location.host })}
        </p>
      )}
      <div className="console-grid" id="console-content" tabIndex={-1}>
        <section className="console-join" aria-labelledby="join-title">
          <h2 id="join-title">{t('console.joinCode')}</h2>
          <SpelledCode className="join-code" code={view.joinCode} />
          {publicUrl.ready && <QrCode url={joinUrl} label={t('console.qrAlt', { url: joinUrl })} size={240} />}
          <p>
            {t('console.joinUrl')}: <a href={joinUrl}>{joinUrl}</a>
          </p>
          {publicUrl.configured && <p className="muted">{t('control.publicUrl', { url: publicUrl.base })}</p>}
          <RenewButton {...renew} which={{ credential: 'join-code' }} label={t('console.renewJoinCode')} confirm={t('console.confirmRenewJoinCode', { code: view.joinCode })} />
          <p>
            <a className="button primary" href={view.links.projector} target="_blank" rel="noreferrer">
              {t('console.projectorAll')}
            </a>
          </p>
          <RenewButton {...renew} which={{ credential: 'projector' }} label={t('console.renewProjector')} confirm={t('console.confirmRenewProjector')} />
          <ShowNamesToggle shown={event.showNames} send={(showNames) => send('event:display', { showNames })} />
          {presence && (
            <p className="presence-summary">
              {!programmeOnly && !treesOnly && `${t('console.unseated', { count: presence.unseated })} · `}
              {t('console.projectors', { count: presence.projectors })}
            </p>
          )}
        </section>
        {!programmeOnly && !treesOnly && (
        <section className="console-tables" aria-labelledby="tables-title">
          <h2 id="tables-title">{t('console.tables')}</h2>
          {event.tables.length > 0 && <TableSigns title={event.title} tables={event.tables} participantLink={view.links.participant} joinUrl={joinUrl} joinCode={view.joinCode} />}
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
                      {t('console.present', { count: (presence && own(presence.byTable, table.id)) ?? 0 })}
                    </p>
                    <TableLinks
                      table={table}
                      participantLink={view.links.participant}
                      hostLink={own(view.links.hosts, table.id)}
                      renewHost={<RenewButton {...renew} which={{ credential: 'host', tableId: table.id }} label={t('console.renewHost')} confirm={t('console.confirmRenewHost', { table: table.name })} />}
                    />
                  </div>
                  <a
                    className="button secondary"
                    href={withQuery(view.links.projector, 'table', table.id)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={t('console.projectorTableLabel', { action: t('console.projectorTable'), table: table.name })}
                  >
                    {t('console.projectorTable')}
                  </a>
                </li>
              ))}
            </ol>
          )}
        </section>
        )}
      </div>
      {round && !programmeOnly && <ProjectorRemote event={event} round={round} token={token!} send={(display, only) => send('projector:show', { display, ...(only ? { only } : {}) })} />}
      {round && !programmeOnly && (
        <section className="panel console-round-settings">
          <p className="muted">{t('control.shortcuts')}</p>
          <RoundSettingsForm settings={round.settings} treeDay={treesOnly} onSave={(settings) => send('round:configure', { settings })} />
        </section>
      )}
      {event.treeMethod && (
        <ScreenPart>
          <TreeConsole event={event} token={token!} projectorLink={view.links.projector} send={(groupId) => send('tree:objectives', { groupId })} configure={(method) => send('tree:configure', { method })} />
        </ScreenPart>
      )}
      {(event.tables.length > 0 || event.treeMethod) && (
        <ScreenPart>
          <ActorConsole eventId={eventId} token={token!} tables={event.tables} {...(event.treeMethod ? { treeMethod: event.treeMethod } : {})} template={event.template} projectorLink={view.links.projector} refresh={() => send('actors:refresh', {})} />
        </ScreenPart>
      )}
      <ScreenPart>
        <ProgrammeConsole control={control} eventId={eventId} token={token!} projectorLink={view.links.projector} />
      </ScreenPart>
      {event.tables.length > 0 && (
        <ScreenPart>
          <ModerationConsole event={event} round={round} token={token!} send={send} />
        </ScreenPart>
      )}
      {event.tables.length > 0 && (
        <ScreenPart>
          <VoteConsole event={event} token={token!} send={send} projectorLink={view.links.projector} />
        </ScreenPart>
      )}
      <section className="panel console-export">
        <ExportPanel eventId={eventId} token={token!} tables={event.tables} />
      </section>
      <ScreenPart>
        <FramingForm eventId={eventId} token={token!} />
      </ScreenPart>
      <section className="panel console-setup">
        <EventSetupForm event={event} started={round !== null && round.phase !== 'before-start'} onSave={(setup) => send('event:update', { setup })} />
      </section>
      <PrivacyNoticeForm eventId={eventId} token={token!} />
    </main>
  )
}

/** Where a facilitator whose link does not work finds the right one. */
function BadLinkHelp() {
  const { t } = useTranslation()
  return (
    <>
      <p>{t('control.badLinkHelp')}</p>
      <p>
        <a href="/">{t('common.backHome')}</a>
      </p>
    </>
  )
}
