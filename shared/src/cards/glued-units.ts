/**
 * A number and its sign stay on one line: "50 %", "120 €", "§ 12", "Nr. 3" broke between the two
 * on the projector and in the PDF ("50" at a line's end, "%" alone below it). Their space becomes
 * a no-break space (U+00A0) where text is set in lines for reading; stored texts stay as written.
 */
const NUMBER_THEN_SIGN = /(\d) (?=[%‰€°]|Prozent\b|Euro\b)/g
const SIGN_THEN_NUMBER = /(§§?|Nr\.|Art\.|Abs\.) (?=\d)/g

/** `text` with no-break spaces between numbers and their signs. @example gluedUnits('50 % ohne Absprache') // '50\u00A0% ohne Absprache' */
export function gluedUnits(text: string): string {
  return text.replace(NUMBER_THEN_SIGN, '$1\u00A0').replace(SIGN_THEN_NUMBER, '$1\u00A0')
}
