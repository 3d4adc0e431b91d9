/** From this many characters left a text field's count is said to screen readers as it changes. */
const SAID_FROM = 20

/**
 * The `aria-live` of a field's "noch N Zeichen": said as it changes only near the limit and beyond;
 * said at every key, "noch 279 Zeichen" drowned out the typing.
 */
export const countLive = (left: number): 'polite' | 'off' => (left <= SAID_FROM ? 'polite' : 'off')
