import { type TischEvent, changeoverLeftMs } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { formatClock } from '../../store/selectors.js'
import { useServerNow } from '../../sync/use-server-now.js'

/** "Bitte wechseln" above the projector's board while people change tables; gone when the station's timer starts. */
export function ChangeoverNotice({ event }: { event: TischEvent }) {
  const { t } = useTranslation()
  const round = useTischStore((s) => s.round)
  const serverNow = useServerNow(500)
  const left = round ? changeoverLeftMs(round, serverNow) : 0
  if (!round || left <= 0) return null
  const station = event.template.stations[round.stationIndex]
  return (
    <section className="projector-changeover" role="status" aria-live="polite">
      <h1>{t('projectorModes.changeover')}</h1>
      <p>{t('projectorModes.changeoverText', { station: station?.title ?? '', time: formatClock(Math.ceil(left / 1000)) })}</p>
    </section>
  )
}
