import * as Y from 'yjs'
import {
  CARDS_PER_PARTICIPANT_MAX,
  type CardChange,
  type WriteActor,
  WriteRefusal,
  boardDoc,
  checkCardChange,
} from '@tischrunde/shared'

/**
 * The one gate every client write to a board passes. An update is first applied to a shadow copy
 * of the board; every card it changes is checked against the card schema and the write rules
 * (role, author, open station, per-participant cap). Only a fully valid update reaches the real
 * doc, so nothing refused is ever broadcast or stored, and nothing is stored half.
 */
export class WriteGate {
  private shadow: Y.Doc
  private captured: CardChange[] = []
  private touchedOutside = false

  constructor(private readonly doc: Y.Doc) {
    this.shadow = this.copyOf(doc)
  }

  /** The card changes the last checked update made, with their records before (for reverting). */
  get lastChanges(): readonly CardChange[] {
    return this.captured
  }

  /**
   * Checks an update; null when it may be applied to the real doc. `admitNewCards` is asked last,
   * with the number of cards the update adds, and may refuse them (a participant's pace).
   */
  check(
    update: Uint8Array,
    actor: WriteActor,
    stationWritable: (stationId: string) => boolean,
    admitNewCards: (added: number) => boolean = () => true,
  ): WriteRefusal | null {
    this.captured = []
    this.touchedOutside = false
    try {
      Y.applyUpdate(this.shadow, update)
    } catch (error) {
      this.rebuild()
      throw error
    }
    let refusal = this.judge(actor, stationWritable)
    if (!refusal) {
      const added = this.captured.filter((c) => c.before === undefined && c.after !== undefined).length
      if (added > 0 && !admitNewCards(added)) refusal = WriteRefusal.TOO_FAST
    }
    if (refusal) this.rebuild()
    return refusal
  }

  /** Keeps the shadow equal to the doc after writes that did not pass the gate (server writes, loads). */
  mirror(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update)
  }

  private judge(actor: WriteActor, stationWritable: (stationId: string) => boolean): WriteRefusal | null {
    if (this.touchedOutside) return WriteRefusal.OUTSIDE_SCHEMA
    let added = false
    for (const change of this.captured) {
      const refusal = checkCardChange(change, actor, stationWritable)
      if (refusal) return refusal
      if (change.before === undefined && change.after !== undefined) added = true
    }
    if (added && actor.role !== 'facilitator' && actor.participantId) {
      let mine = 0
      boardDoc(this.shadow).cards.forEach((v) => {
        if ((v as { authorId?: unknown } | null)?.authorId === actor.participantId) mine++
      })
      if (mine > CARDS_PER_PARTICIPANT_MAX) return WriteRefusal.TOO_MANY_CARDS
    }
    return null
  }

  private copyOf(doc: Y.Doc): Y.Doc {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const cards = boardDoc(copy).cards
    cards.observe((event) => {
      for (const [key, change] of event.changes.keys) {
        this.captured.push({ key, before: change.action === 'add' ? undefined : change.oldValue, after: cards.get(key) })
      }
    })
    copy.on('afterTransaction', (tx: Y.Transaction) => {
      for (const type of tx.changed.keys()) if ((type as unknown) !== cards) this.touchedOutside = true
    })
    return copy
  }

  /** Makes the shadow a fresh copy of the doc. */
  rebuild(): void {
    this.shadow.destroy()
    this.shadow = this.copyOf(this.doc)
  }
}
