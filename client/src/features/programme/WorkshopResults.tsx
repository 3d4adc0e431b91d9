import { useState } from 'react'
import { type Programme, workshopsOf } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { FACILITATOR_AUTHOR, WorkshopBoard } from './WorkshopBoard.js'

/** The console's view of the workshops' own boards: pick a workshop, read, correct or remove its cards, add one. */
export function WorkshopResults({ programme, eventId, token }: { programme: Programme; eventId: string; token: string }) {
  const { t } = useTranslation()
  const event = useTischStore((s) => (s.event?.id === eventId ? s.event : null))
  const workshops = workshopsOf(programme)
  const [chosen, setChosen] = useState('')
  const workshop = workshops.find((w) => w.workshop.id === chosen)?.workshop
  if (workshops.length === 0 || !event) return null
  return (
    <section className="programme-results" aria-labelledby="programme-results-title">
      <h3 id="programme-results-title">{t('programme.board.consoleTitle')}</h3>
      <label>
        {t('programme.board.consolePick')}{' '}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('programme.board.consolePickNone')}</option>
          {workshops.map(({ workshop: w }) => (
            <option key={w.id} value={w.id}>
              {t('programme.workshopTitle', { number: w.number, title: w.title })}
            </option>
          ))}
        </select>
      </label>
      {!workshop && <p className="muted">{t('programme.board.consolePickHint')}</p>}
      {workshop && <WorkshopBoard key={workshop.id} event={event} workshop={workshop} token={token} authorId={FACILITATOR_AUTHOR} moderate />}
    </section>
  )
}
