import type { ThemeTable } from '@tischrunde/shared'
import { RoundTimer } from '../../../features/rounds/RoundTimer.js'
import { formatEventDate } from '../../../i18n/dates.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTischStore } from '../../../store/index.js'
import { PrivacyButton } from '../../../features/privacy/PrivacyButton.js'
import { LiveAnnouncer } from '../../../features/privacy/LiveAnnouncer.js'
import { LanguageSwitch } from '../../LanguageSwitch.js'
import { readParticipant } from '../../../sync/device-storage.js'
import { useParams } from 'wouter'
import { useProgrammeOpen } from '../../../features/programme/use-programme-open.js'

/**
 * The phone's heading: the table it sits at (or "pick a table", or `heading` on screens without
 * tables, such as the trees), the round timer, and beside "Datenschutz & Impressum" the language.
 * `joined`: taking part without a table (in a tree group), so the line "read this before taking
 * part" is past.
 */
/**
 * A name with a word this long ("Arbeitsmarktintegration") takes the heading's whole line, the timer
 * below it: beside the timer, 360 px broke it mid-word without a hyphen (the phone carries no
 * hyphenation patterns).
 */
const LONG_WORD = /[^\s-]{14,}/

export function PhoneHeader({ host, table, heading, joined = false }: { host: boolean; table: ThemeTable | undefined; heading?: string; joined?: boolean }) {
  const { t, language } = useTranslation()
  const title = useTischStore((s) => s.event?.title ?? '')
  const date = useTischStore((s) => s.event?.date)
  // "Programm" when the event has one (its agenda is the programme's view): one tap from every screen.
  const hasProgramme = useTischStore((s) => (s.event?.agenda.length ?? 0) > 0)
  const programme = useProgrammeOpen()
  // After the event's end a phone without a table comes to look, not to sit down and write.
  const over = useTischStore((s) => s.round?.phase === 'closed')
  // Before a table is chosen the heading names the event and its day, as people write dates.
  const eventLine = date ? `${title} · ${formatEventDate(date, language)}` : title
  const code = (useParams().code ?? '').toUpperCase()
  return (
    <header className="phone-header">
      <div className={LONG_WORD.test(table?.name ?? heading ?? '') ? 'phone-heading-wide' : undefined}>
        <p className="eyebrow">{host ? t('join.hostEyebrow') : table ? t('join.yourTable') : eventLine}</p>
        <h1 tabIndex={-1} data-step-focus="header">
          {table ? table.name : (heading ?? t(over ? 'join.pickTableOver' : 'join.pickTable'))}
        </h1>
      </div>
      <RoundTimer />
      {hasProgramme && !host && (
        <button type="button" className="link-button programme-entry" onClick={() => programme.show(true)}>
          {t('join.programmeOpen')}
        </button>
      )}
      {/* After the end nobody takes part any more: the notice stays one tap away, without "Vor dem Mitmachen lesen". */}
      {/* The language choice on every phone screen with this heading (tables, trees, votes, rotation). */}
      <PrivacyButton before={!table && !host && !joined && !over} beside={<LanguageSwitch />} />
      <LiveAnnouncer tableId={table?.id} ownAuthorId={readParticipant(code)?.participantId} />
    </header>
  )
}
