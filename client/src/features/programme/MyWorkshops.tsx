import { type Programme, type Workshop, clockText, myWorkshops } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { roomText } from './room-text.js'

/** "Deine Workshops": per work phase the workshop one booked, with its time and room (and, on the phone, its board). Nothing before a first choice. */
export function MyWorkshops({ programme, mine, onBoard }: { programme: Programme; mine: ReadonlyMap<string, string>; onBoard?: (workshop: Workshop) => void }) {
  const { t } = useTranslation()
  const booked = myWorkshops(programme, mine)
  if (booked.length === 0) return null
  return (
    <section className="programme-my-workshops" aria-labelledby="programme-my-workshops-title" data-testid="my-workshops">
      <h2 id="programme-my-workshops-title">{t('programme.myWorkshops')}</h2>
      <ul>
        {booked.map(({ phase, workshop }) => (
          <li key={workshop.id}>
            <span className="muted">{t('programme.time', { start: clockText(phase.start), end: clockText(phase.end) })}</span>{' '}
            <strong>{t('programme.workshopTitle', { number: workshop.number, title: workshop.title })}</strong>
            {workshop.room && <span> · {roomText(t, workshop.room)}</span>}
            {onBoard && (
              <>
                {' '}
                <button type="button" className="secondary" aria-label={t('programme.board.openLabel', { number: workshop.number })} onClick={() => onBoard(workshop)}>
                  {t('programme.board.open')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
