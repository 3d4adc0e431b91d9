/**
 * The texts a phone is shown to copy after refusals, with those of a further refusal added: a phone
 * back online is refused each of its offline cards in a message of its own, and each text must stay
 * in view (the last one alone was shown). Each text once, in the order refused.
 */
export const withRefusedTexts = (kept: readonly string[], added: readonly string[]): string[] => [...new Set([...kept, ...added])]
