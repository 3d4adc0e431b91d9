import { z } from 'zod'

/**
 * The framing of an event's documentation, as the organiser writes it in the console: a subtitle,
 * the organisers (names, each with a logo if uploaded), an introduction and an "Ausblick" (closing
 * text). Stored with the event; events stored before it existed have none and still load.
 */

/** Most organisers one documentation names (a Landratsamt, a city, a funder, a few partners). */
export const FRAMING_ORGANISERS_MAX = 12
/** Longest introduction or Ausblick, in characters (about two printed pages). */
export const FRAMING_TEXT_MAX = 6000
/** Largest logo file, in bytes. */
export const LOGO_BYTES_MAX = 512 * 1024
/** Largest logo side, in pixels (a logo is printed at most a few centimetres wide). */
export const LOGO_SIDE_MAX = 4000
/**
 * Most pixels of one logo (16-bit PNGs count twice): what a document decodes it to stays at about
 * 16 MB, however small the file (a 124 KB PNG of 4000×4000 16-bit pixels inflates to 128 MB).
 */
export const LOGO_PIXELS_MAX = 4_000_000
/** The image types a logo may have: raster only (an SVG can carry scripts). */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const
export type LogoType = (typeof LOGO_TYPES)[number]

/** A logo's id: chosen by the server when the file is uploaded. */
export const logoIdSchema = z.string().regex(/^[a-z0-9]{16}$/, 'id')

/** One organiser: a name (e.g. "Landratsamt Rems-Murr-Kreis") and, optionally, the id of its uploaded logo. */
export const organiserSchema = z.object({
  name: z.string().trim().min(1).max(160),
  logoId: logoIdSchema.nullable().default(null),
})
export type Organiser = z.infer<typeof organiserSchema>

export const eventFramingSchema = z.object({
  /** Under the title on the title page ("Integrationskonferenz des Rems-Murr-Kreises"). */
  subtitle: z.string().trim().max(300).default(''),
  organisers: z.array(organiserSchema).max(FRAMING_ORGANISERS_MAX).default([]),
  /** "Einleitung": before the results. Paragraphs separated by blank lines. */
  intro: z.string().trim().max(FRAMING_TEXT_MAX).default(''),
  /** "Ausblick": after the results, before the closing line. */
  outlook: z.string().trim().max(FRAMING_TEXT_MAX).default(''),
})
export type EventFraming = z.infer<typeof eventFramingSchema>

export const EMPTY_FRAMING: EventFraming = { subtitle: '', organisers: [], intro: '', outlook: '' }

/** A logo as an export carries it: its bytes as base64 (for documents rendered away from the store). */
export const exportLogoSchema = z.object({
  id: logoIdSchema,
  type: z.enum(LOGO_TYPES),
  data: z.string().max(Math.ceil(LOGO_BYTES_MAX / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
})
export type ExportLogo = z.infer<typeof exportLogoSchema>

/** The framing's paragraphs: split at blank lines, each trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

/** Whether a framing says anything (an empty one adds nothing to the documentation). */
export function hasFraming(framing: EventFraming | undefined): framing is EventFraming {
  return Boolean(framing && (framing.subtitle || framing.organisers.length || framing.intro || framing.outlook))
}
