import { type EventFraming, type LogoType, hasFraming, paragraphs } from '../framing/framing.schema.js'
import type { EventExport } from './event-export.schema.js'

/**
 * The framing as the documentation shows it: the title page's subtitle and organisers (with their
 * logos' bytes where uploaded), an "Einleitung" before the results and an "Ausblick" after them.
 * Plain text, in paragraphs; every renderer writes it as text, never as markup.
 */

export const FRAMING_WORDS = {
  organisers: 'Veranstaltet von',
  intro: 'Einleitung',
  outlook: 'Ausblick',
  /** The alternative text of an organiser's logo. */
  logoAlt: (name: string) => `Logo: ${name}`,
} as const

export interface DocOrganiser {
  name: string
  logo: { type: LogoType; data: string } | null
}

export interface DocFraming {
  subtitle: string
  organisers: DocOrganiser[]
  /** The introduction's paragraphs (none: no "Einleitung" chapter). */
  intro: string[]
  /** The Ausblick's paragraphs (none: no "Ausblick" chapter). */
  outlook: string[]
}

/** The framing of an export as the documents show it; undefined when the organiser wrote none. */
export function documentationFraming(file: EventExport, clean: (text: string) => string = (t) => t): DocFraming | undefined {
  const framing: EventFraming | undefined = file.event.framing
  if (!hasFraming(framing)) return undefined
  const logos = new Map((file.logos ?? []).map((l) => [l.id, l]))
  return {
    subtitle: clean(framing.subtitle),
    organisers: framing.organisers.map((o) => {
      const logo = o.logoId ? logos.get(o.logoId) : undefined
      return { name: clean(o.name), logo: logo ? { type: logo.type, data: logo.data } : null }
    }),
    intro: paragraphs(clean(framing.intro)),
    outlook: paragraphs(clean(framing.outlook)),
  }
}
