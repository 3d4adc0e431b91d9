import type { Ack, ClientEventName, ClientEventPayload, TischEvent } from '@tischrunde/shared'
import type { ReactNode } from 'react'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { GroupEditor } from './GroupEditor.js'

type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/** The table host's phone: group their table's cards ("zu Gruppe …"), then back to the board. */
export default function GroupPhone(props: { header: ReactNode; event: TischEvent; tableId: string; token: string; send: Send; onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <main className="page phone">
      {props.header}
      <GroupEditor event={props.event} token={props.token} send={props.send} tableId={props.tableId} />
      <div className="phone-footer">
        <button type="button" className="primary" onClick={props.onDone}>
          {t('harvest.groups.close')}
        </button>
      </div>
    </main>
  )
}

/** The host's way in, shown at the foot of their board. */
export function GroupOpen({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  return (
    <p className="vote-return group-open">
      <button type="button" className="secondary" onClick={onOpen}>
        {t('harvest.groups.open')}
      </button>
    </p>
  )
}
