import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import '../../i18n/console-wording.js'

/**
 * Tells the facilitator that someone is trying join codes (the server's `access:guessing`): how
 * many wrong codes came in, that right codes still get in, and what helps if it goes on.
 */
export function GuessingNotice() {
  const { t } = useTranslation()
  const guessing = useTischStore((s) => s.joinGuessing)
  if (!guessing) return null
  return (
    <section className="panel guessing-notice" role="alert" aria-labelledby="guessing-title">
      <h2 id="guessing-title">{t('console.guessingTitle')}</h2>
      <p>{t('console.guessing', { count: guessing.wrongCodes, seconds: guessing.windowSeconds })}</p>
      <button type="button" className="secondary" onClick={() => useTischStore.setState({ joinGuessing: null })}>
        {t('console.dismiss')}
      </button>
    </section>
  )
}
