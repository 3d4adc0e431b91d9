import { useBoard } from '../../sync/hooks.js'

function OpenBoard(props: { eventId: string; tableId: string; token: string }) {
  useBoard({ eventId: props.eventId, tableId: props.tableId, token: props.token, authorId: '', keepLocal: false })
  return null
}

/** Keeps the boards of some tables open (read side) while mounted; renders nothing. */
export function OpenBoards(props: { eventId: string; tableIds: readonly string[]; token: string }) {
  return (
    <>
      {props.tableIds.map((id) => (
        <OpenBoard key={id} eventId={props.eventId} tableId={id} token={props.token} />
      ))}
    </>
  )
}
