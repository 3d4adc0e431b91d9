/** Why a dot was not placed (or not taken back). The server answers with it; phones word it. */
export const VoteRefusal = {
  /** The step's result is frozen: nobody votes any more. */
  FROZEN: 'VOTE_FROZEN',
  /** Every dot of the participant's budget is placed. */
  BUDGET_SPENT: 'VOTE_BUDGET_SPENT',
  /** The card has as many of this participant's dots as one card may take. */
  CARD_FULL: 'VOTE_CARD_FULL',
  /** Taking back a dot the participant has not placed on this card. */
  NO_DOT: 'VOTE_NO_DOT',
  /** The card is not part of what this step puts to the vote (or does not exist). */
  OUT_OF_SCOPE: 'VOTE_OUT_OF_SCOPE',
  /** The moderation struck the card through: it takes no new dots (those on it may be taken back). */
  STRUCK: 'VOTE_CARD_STRUCK',
  /** Starting a step: nothing in its scope can take a dot (no cards yet, or all struck through). */
  NO_CARDS: 'VOTE_NO_CARDS',
} as const
export type VoteRefusal = (typeof VoteRefusal)[keyof typeof VoteRefusal]

/** Every refusal, as a list for schemas. */
export const VOTE_REFUSALS = Object.values(VoteRefusal) as [VoteRefusal, ...VoteRefusal[]]
