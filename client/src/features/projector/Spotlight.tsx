import { type Spotlight as SpotlightTarget, type TischEvent, layoutBoard } from '@tischrunde/shared'
import { useMemo, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { useBoard } from '../../sync/hooks.js'
import { useFitToBox } from './use-fit-to-box.js'
import { hyphenateDe } from './hyphenate.js'

/** One card, or one table's column, huge over everything else, as the console asked. Esc on the projector closes it. */
export function Spotlight(props: { event: TischEvent; eventId: string; token: string; target: SpotlightTarget }) {
  const { event, target } = props
  const { t } = useTranslation()
  const docName = useBoard({ eventId: props.eventId, tableId: target.tableId, token: props.token, authorId: 'projector', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const table = event.tables.find((x) => x.id === target.tableId)
  const found = useMemo(() => {
    if (target.kind === 'card') return { cards: board.cards.filter((c) => c.id === target.cardId), title: null }
    const station = layoutBoard(board.cards, event.template).stations.find((s) => s.id === target.stationId)
    const column = station?.columns.find((c) => c.id === target.columnId)
    return { cards: column?.cards ?? [], title: column ? `${station!.title} · ${column.title}` : null }
  }, [board.cards, event.template, target])
  const box = useRef<HTMLDivElement>(null)
  useFitToBox(box, found)
  return (
    <section className={`projector-spotlight spotlight-${target.kind}`} aria-labelledby="spotlight-title">
      <p className="eyebrow" id="spotlight-title">
        {t('projectorModes.spotlight')} · {table ? hyphenateDe(table.name) : ''}
        {found.title && ` · ${found.title}`}
      </p>
      <div className="spotlight-box" ref={box}>
        <ul className="spotlight-cards">
          {found.cards.map((card) => (
            <li key={card.id} className="spotlight-card" lang="de">
              {hyphenateDe(card.text)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
