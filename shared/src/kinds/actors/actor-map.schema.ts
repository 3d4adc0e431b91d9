import { z } from 'zod'
import { registerPersonalData } from '../../privacy/personal-data.js'
import { actorAreaSchema } from '../../actors/areas.js'
import { cardIdSchema, randomIdSchema, slugIdSchema, tableIdSchema } from '../../ids.js'
import { refuseRepeatedKeys } from '../../wire/unique-keys.js'

/** Roots of the actor map doc (`actors.<event>`). */
export const ACTORS_ROOT = 'actors'
export const ACTOR_RULES_ROOT = 'rules'
export const ACTOR_BODIES_ROOT = 'bodies'
export const ACTOR_AREAS_ROOT = 'areas'
export const ACTOR_COLUMNS_ROOT = 'columns'

/** Most actors in one map, mentions per actor, keys per actor, rules and bodies per map. */
export const ACTORS_MAX = 400
export const MENTIONS_PER_ACTOR_MAX = 200
export const KEYS_PER_ACTOR_MAX = 100
export const ACTOR_RULES_MAX = 2000
export const ACTOR_BODIES_MAX = 100

export const actorIdSchema = slugIdSchema
/** A comparison key (`actorKey`): lower-case letters, digits and single spaces. */
export const actorKeySchema = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/).max(160)

const text = (max: number) => z.string().max(max)

/** One measure an actor helps with: its number on the table and its text, if the table numbered it. */
export const measureRefSchema = z.object({ n: z.number().int().min(1).max(999), text: text(280) }).strict()
export type MeasureRef = z.infer<typeof measureRefSchema>

/** One place a table named an actor: the card, the name as written there, the measures. */
export const actorMentionSchema = z
  .object({
    tableId: tableIdSchema,
    cardId: cardIdSchema,
    text: text(280),
    key: actorKeySchema,
    measures: z.array(measureRefSchema).max(30),
  })
  .strict()
export type ActorMention = z.infer<typeof actorMentionSchema>

/** Decisions a person made by hand on an actor; a refresh from the boards keeps them. */
export const actorHandSchema = z
  .object({
    name: z.boolean().optional(),
    area: z.boolean().optional(),
    hidden: z.boolean().optional(),
    /** Added by hand (no card named it): kept when no card names it. */
    created: z.boolean().optional(),
  })
  .strict()

/**
 * One actor of the map with the alliance columns of seed 002: local institution and contact
 * person (personal data: removed with the event), existing cooperation, planned core-group and
 * forum membership, notes on what it could contribute.
 */
export const actorRecordSchema = z
  .object({
    id: actorIdSchema,
    name: z.string().trim().min(1).max(120),
    area: actorAreaSchema,
    hidden: z.boolean(),
    keys: z.array(actorKeySchema).max(KEYS_PER_ACTOR_MAX),
    mentions: z.array(actorMentionSchema).max(MENTIONS_PER_ACTOR_MAX),
    hand: actorHandSchema,
    institution: text(200),
    /** A contact person: personal data, flagged on every screen and export that shows it. */
    person: text(200),
    /**
     * The person was taken from the cards ("Städtetag: Benjamin Lachat"): it follows them and goes
     * with a card hidden or deleted. Without it the person was typed (or stored before the mark
     * existed) and stays.
     */
    personFromCards: z.literal(true).optional(),
    cooperation: z.boolean(),
    coreGroup: z.boolean(),
    forum: z.boolean(),
    notes: text(1000),
  })
  .strict()
export type ActorRecord = z.infer<typeof actorRecordSchema>

export const ACTOR_PERSON = registerPersonalData({
  id: 'actor.person',
  what: 'Ansprechperson eines Akteurs in der Akteurslandkarte (Name, ggf. Telefon), von der Moderation eingetragen oder aus einer Karte „Akteur: Name“ übernommen',
  purpose: 'die Moderation weiß, wen sie für das Bündnis ansprechen kann',
  where: 'Akteurslandkarte der Veranstaltung (boards/, Doc actors.<Veranstaltung>)',
  visibleTo: 'nur die Moderation (und ihr Export der Akteurstabelle); nicht Tischgastgeber*innen, Handys und Beamer (dort die Karte ohne Ansprechperson)',
  participantDeletes: false,
})

/** A hand decision on where a written name belongs (merge, split): survives every refresh. */
export const actorRuleSchema = z.object({ key: actorKeySchema, actorId: actorIdSchema }).strict()
export type ActorRule = z.infer<typeof actorRuleSchema>

export const BODY_TYPES = ['gremium', 'arbeitskreis', 'kooperation'] as const
/** An existing body (Gremium, Arbeitskreis, Kooperationsvereinbarung) the alliance can build on. */
export const actorBodySchema = z
  .object({
    id: randomIdSchema,
    type: z.enum(BODY_TYPES),
    name: z.string().trim().min(1).max(200),
    members: text(500),
    notes: text(1000),
  })
  .strict()
export type ActorBody = z.infer<typeof actorBodySchema>

/** An event's own name for one area. */
export const actorAreaNameSchema = z.object({ id: actorAreaSchema, name: z.string().trim().min(1).max(80) }).strict()
export type ActorAreaName = z.infer<typeof actorAreaNameSchema>

/**
 * The facilitator's choice whether one column's cards name actors (`<stationId>/<columnId>`),
 * over the automatic choice (columns titled "Wer kann helfen?", "Akteure", …).
 */
export const actorColumnChoiceSchema = z
  .object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}\/[a-z0-9][a-z0-9-]{0,62}$/), on: z.boolean() })
  .strict()
export type ActorColumnChoice = z.infer<typeof actorColumnChoiceSchema>

/** An event's actor map in its export file: hand decisions and alliance columns travel with the event. */
export const actorMapExportSchema = z
  .object({
    actors: z.array(actorRecordSchema).max(ACTORS_MAX),
    rules: z.array(actorRuleSchema).max(ACTOR_RULES_MAX),
    bodies: z.array(actorBodySchema).max(ACTOR_BODIES_MAX),
    areas: z.array(actorAreaNameSchema).max(6),
    columns: z.array(actorColumnChoiceSchema).max(200).optional(),
  })
  .strict()
  // The doc keeps each root by its key: a key twice in a file would silently keep only the last.
  .superRefine((map, ctx) => {
    refuseRepeatedKeys(ctx, map.actors, (a) => a.id, ['actors'], ['id'])
    refuseRepeatedKeys(ctx, map.rules, (r) => r.key, ['rules'], ['key'])
    refuseRepeatedKeys(ctx, map.bodies, (b) => b.id, ['bodies'], ['id'])
    refuseRepeatedKeys(ctx, map.areas, (a) => a.id, ['areas'], ['id'])
    refuseRepeatedKeys(ctx, map.columns, (c) => c.id, ['columns'], ['id'])
  })
export type ActorMapExport = z.infer<typeof actorMapExportSchema>
