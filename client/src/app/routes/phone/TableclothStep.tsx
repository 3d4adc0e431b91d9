import type { ReactNode } from 'react'
import type { Station } from '@tischrunde/shared'
import { Tablecloth } from '../../../features/rotation/Tablecloth.js'
import { useTischStore } from '../../../store/index.js'
import { selectBoard } from '../../../store/selectors.js'

/** A new group at a table reads what earlier groups wrote before adding its own. */
export function TableclothStep(props: { header: ReactNode; docName: string; station: Station; earlier: readonly Station[]; onContinue: () => void; onLeave?: (() => void) | undefined }) {
  const event = useTischStore((s) => s.event)
  const { docName, earlier } = props
  const hasCards = useTischStore((s) => selectBoard(docName)(s).cards.some((c) => earlier.some((e) => e.id === c.stationId)))
  if (!event) return null
  return (
    <main className="page phone">
      {props.header}
      <Tablecloth event={event} docName={docName} station={props.station} earlier={earlier} hasCards={hasCards} onContinue={props.onContinue} onLeave={props.onLeave} />
    </main>
  )
}
