/** Commands that read or write the event's docs (boards, moderation, votes, groups, trees, actors): only the node that serves the event runs them. */
export const DOC_COMMANDS: ReadonlySet<string> = new Set([
  'card:moderate',
  'station:moderation',
  'station:reveal',
  'vote:open',
  'vote:freeze',
  'vote:show',
  'vote:order',
  'vote:cast',
  'groups:edit',
  'cards:move',
  'actors:refresh',
  'tree:objectives',
  'tree:configure',
  'tree:join',
])
