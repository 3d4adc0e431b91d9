/**
 * Whether a room as the organiser typed it names itself ("Raum 1", "Großer Saal", "EG links")
 * rather than being a bare number or code ("1", "A.2", "204"): only a bare one is shown after the
 * word "Raum" (typed "Raum 1" read "Raum Raum 1" on every screen and the handout).
 */
export function roomNamesItself(room: string): boolean {
  return /\p{L}{3,}/u.test(room)
}
