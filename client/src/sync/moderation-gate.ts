import { type ModerationModesPush, moderationModesPushSchema, moderationOwnPushSchema } from '@tischrunde/shared'
import { create } from 'zustand'
import type { ControlOn } from './vote-messages.js'

/**
 * What the server told this phone of moderation (see the server's moderation-delivery.ts): where
 * the modes are in use, and how many of its own cards are held per table. Until told, nothing:
 * a phone opens the moderation docs only once moderation matters to it.
 */
export const useModerationGate = create<{ modes: ModerationModesPush | null; held: ReadonlyMap<string, number> }>(() => ({ modes: null, held: new Map() }))

/** Mirrors the moderation pushes into the gate, each checked by its schema. */
export function bindModerationGate(on: ControlOn): void {
  on('moderation:modes', (payload: unknown) => {
    const parsed = moderationModesPushSchema.safeParse(payload)
    if (parsed.success) useModerationGate.setState({ modes: parsed.data })
  })
  on('moderation:own', (payload: unknown) => {
    const parsed = moderationOwnPushSchema.safeParse(payload)
    if (parsed.success) useModerationGate.setState((s) => ({ held: new Map(s.held).set(parsed.data.tableId, parsed.data.held) }))
  })
}
