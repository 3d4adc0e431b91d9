import { useBoard } from '../../sync/hooks.js'

function KeepOpen(props: { eventId: string; tableId: string; token: string }) {
  useBoard({ eventId: props.eventId, tableId: props.tableId, token: props.token, authorId: 'projector', keepLocal: false })
  return null
}

/** Keeps every table's board open (read-only) while mounted, so stepping through the review never waits for the network. */
export function KeepBoardsOpen(props: { eventId: string; token: string; tableIds: readonly string[] }) {
  return (
    <>
      {props.tableIds.map((id) => (
        <KeepOpen key={id} eventId={props.eventId} tableId={id} token={props.token} />
      ))}
    </>
  )
}
