/**
 * Every field of the app that may hold personal data, in one list: what it is, why it is kept, where,
 * who sees it and when it goes. The README's data-protection section is written from it, a test
 * keeps the two in step, and "Meine Beiträge löschen" clears what a participant wrote through it.
 *
 * A new feature that stores something a person typed about themselves or others (a contact in the
 * actor map, a name on a workshop sign-up) adds an entry here.
 */
export interface PersonalDataField {
  /** Stable id, e.g. `card.authorName`. */
  id: string
  /** What it holds, in German (the README's table). */
  what: string
  /** Why it is kept. */
  purpose: string
  /** Where it is stored (doc kind or record of the event). */
  where: string
  /** Who may see it. */
  visibleTo: string
  /** Whether a participant deletes it with "Meine Beiträge löschen". */
  participantDeletes: boolean
}

/** The registry; entries are added by the features that store such a field. */
const FIELDS = new Map<string, PersonalDataField>()

/** Registers a field that may hold personal data. Throws for an id given twice (a bug). */
export function registerPersonalData(field: PersonalDataField): PersonalDataField {
  if (FIELDS.has(field.id)) throw new Error(`personal-data field ${field.id} registered twice`)
  FIELDS.set(field.id, Object.freeze({ ...field }))
  return field
}

/** Every registered field, in the order they were registered. */
export function personalDataFields(): readonly PersonalDataField[] {
  return [...FIELDS.values()]
}

/** Where every field is deleted in the end: with its event, at the end of the retention period. */
export const DELETED_WITH_EVENT = 'mit der Veranstaltung (Aufbewahrungsfrist, Standard 30 Tage nach dem Termin)'

export const CARD_AUTHOR_NAME = registerPersonalData({
  id: 'card.authorName',
  what: 'Anzeigename, den Teilnehmende freiwillig auf dem Handy eingeben (z. B. „Anna“)',
  purpose: 'zeigt, von wem eine Karte stammt, wenn die Moderation Namen einschaltet',
  where: 'auf den Karten im Board des Tisches (boards/), nur auf Karten, die bei eingeschalteten Namen geschrieben wurden; Ausschalten nimmt ihn von allen Karten',
  visibleTo: 'Moderation, Projektor und Handys, nur solange Namen eingeschaltet sind (sonst erhält kein Bildschirm ihn)',
  participantDeletes: true,
})

export const CARD_TEXT = registerPersonalData({
  id: 'card.text',
  what: 'Text der Karten und Baum-Knoten (kann Angaben zu Personen enthalten, wenn jemand sie schreibt)',
  purpose: 'das Ergebnis des Workshops',
  where: 'Boards und Bäume der Veranstaltung (boards/)',
  visibleTo: 'alle Geräte der Veranstaltung',
  participantDeletes: true,
})

export const PARTICIPANT_ID = registerPersonalData({
  id: 'card.authorId',
  what: 'zufällige Teilnehmenden-Kennung (pseudonym, ohne Bezug zu Name, Gerät oder IP-Adresse)',
  purpose: 'nur die eigenen Karten lassen sich bearbeiten und löschen',
  where: 'auf jeder Karte und im Speicher des Handys (localStorage)',
  visibleTo: 'nie angezeigt; als zufällige Kennung in der Kopie des Boards auf jedem Bildschirm des Tisches',
  participantDeletes: true,
})

export const TABLE_HOST = registerPersonalData({
  id: 'event.tables.host',
  what: 'Name der Gastgeberin oder des Gastgebers eines Thementischs',
  purpose: 'Programm und Projektor nennen, wer den Tisch betreut',
  where: 'Einrichtung der Veranstaltung (events.json)',
  visibleTo: 'alle Geräte der Veranstaltung',
  participantDeletes: false,
})
