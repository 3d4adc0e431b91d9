import { z } from 'zod'

/**
 * The two trees a group builds: the problem tree (morning) and the objective tree (afternoon). A
 * module of its own: the projector's display command names a phase, and the phone's bundle, which
 * reads every command's schema, should not carry the tree's node schemas with it.
 */
export const treePhaseSchema = z.enum(['problem', 'objective'])
export type TreePhase = z.infer<typeof treePhaseSchema>
