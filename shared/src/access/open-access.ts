import type { DocKind, DocScope, EventSituation } from '../kinds/doc-kind.js'
import type { StoredEvent } from '../storage/stored-data.schema.js'
import { type BoardCloseReason, BoardCloseReason as Reason } from '../wire/board-messages.js'
import { WriteRefusal } from '../doc/board-write-rules.js'
import type { EventActor } from './actor.js'
import { type CredentialClaims, currentGeneration } from './credential.schema.js'
import { docAccess } from './policy.js'

/** A doc connection as it was granted when it opened: who, with which credential, to which doc. */
export interface OpenDocAccess {
  actor: EventActor
  /** The access epoch and link generation of the credential it was opened with. */
  claims: Pick<CredentialClaims, 'role' | 'epoch' | 'gen' | 'table'>
  kind: DocKind
  scope: DocScope
}

/**
 * Why a doc connection opened earlier may not stay open in the event as it is now, or null while
 * it may: the event not known here now, its credential revoked (a new access epoch, a renewed link), its
 * doc taken out of the event (a table, a workshop), or its holder no longer among the doc's
 * audience (a workshop booking switched, cancelled or moved; another group). Asked when the event
 * changes and before every write, so a change of access takes effect on connections already open.
 */
export function openAccessEnded(open: OpenDocAccess, stored: StoredEvent | undefined, situation: EventSituation | null): BoardCloseReason | null {
  // Not known to this process now (read again after a write the store refused, the store not
  // answering): not "deleted", which phones take as final. The peer is closed as at a storage
  // failure and comes back; its upgrade reads the event. A deletion closes sockets by its own message.
  if (!stored || !situation) return Reason.LOAD_FAILED
  if (open.claims.epoch !== stored.accessEpoch || (open.claims.gen ?? 0) !== currentGeneration(stored.generations, open.claims)) return Reason.LINK_REVOKED
  if (!open.kind.exists(open.scope, situation)) return Reason.DOC_REMOVED
  // Not for this holder any more: the same answer its upgrade would now get (403).
  if (docAccess(open.actor, { kind: open.kind, scope: open.scope, situation }) === 'none') return WriteRefusal.READ_ONLY
  return null
}
