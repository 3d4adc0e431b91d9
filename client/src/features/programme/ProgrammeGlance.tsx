import { useMemo } from 'react'
import { whatIsOn } from '@tischrunde/shared'
import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { MyWorkshops } from './MyWorkshops.js'
import { NowNext } from './NowNext.js'
import { useProgrammeOpen } from './use-programme-open.js'
import { useDayClock, useProgramme } from './use-programme.js'
import type { ControlRef } from './use-programme.js'
import './programme.css'

/**
 * The programme at a glance on the phone's start: on the event's day what is on now and next and
 * the own booked workshops, with one tap to the whole programme. Shows nothing on other days
 * (unless one has booked) or while the programme loads.
 */
export default function ProgrammeGlance({ control }: { control: ControlRef }) {
  const { t } = useTranslation()
  const hold = useProgramme(control)
  const { show } = useProgrammeOpen()
  const programme = hold.state?.programme ?? null
  const clock = useDayClock(hold.offsetMs, programme?.timeZone ?? 'Europe/Berlin')
  const dayClosed = useTischStore((s) => s.round?.phase === 'closed')
  const mine = useMemo(() => new Map(Object.entries(hold.mine?.choices ?? {})), [hold.mine])
  if (!programme) return null
  const on = whatIsOn(programme, clock, dayClosed)
  const today = programme.date === null || programme.date === clock.date
  if (!(today && (on.state === 'day' || on.state === 'before')) && mine.size === 0) return null
  return (
    <section className="panel programme-glance" aria-labelledby="programme-glance-title" data-testid="programme-glance">
      <h2 id="programme-glance-title">{t('programme.today')}</h2>
      {today && <NowNext programme={programme} clock={clock} mine={mine} nested />}
      <MyWorkshops programme={programme} mine={mine} />
      <button type="button" className="secondary" onClick={() => show(true)}>
        {t('programme.whole')}
      </button>
    </section>
  )
}
