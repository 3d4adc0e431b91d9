import type { Template } from './template.schema.js'
import { WINNENDEN_TEMPLATE } from './winnenden-template.js'

/**
 * A neutral World Café in three stations, for any topic: what works and what does not, what we want
 * to reach, what we do and who helps. The default for new events.
 */
export const NEUTRAL_TEMPLATE: Template = {
  method: 'world-cafe',
  stations: [
    {
      id: 'station-1',
      title: 'Station 1',
      prompt: 'Was läuft gut? Wo hakt es?',
      columns: [
        { id: 'laeuft-gut', title: 'Was läuft gut?' },
        { id: 'hakt-es', title: 'Wo hakt es?' },
      ],
    },
    {
      id: 'station-2',
      title: 'Station 2',
      prompt: 'Was wollen wir erreichen?',
      columns: [{ id: 'ziele', title: 'Was wollen wir erreichen?' }],
    },
    {
      id: 'station-3',
      title: 'Station 3',
      prompt: 'Was tun wir, wer hilft?',
      columns: [
        { id: 'was-tun', title: 'Was tun wir?' },
        { id: 'wer-hilft', title: 'Wer hilft?' },
      ],
    },
  ],
}

/** NEUTRAL_TEMPLATE in English (same ids): what an event created in the English interface starts from. */
export const NEUTRAL_TEMPLATE_EN: Template = {
  method: 'world-cafe',
  stations: [
    {
      id: 'station-1',
      title: 'Station 1',
      prompt: 'What works well? Where does it get stuck?',
      columns: [
        { id: 'laeuft-gut', title: 'What works well?' },
        { id: 'hakt-es', title: 'Where does it get stuck?' },
      ],
    },
    {
      id: 'station-2',
      title: 'Station 2',
      prompt: 'What do we want to achieve?',
      columns: [{ id: 'ziele', title: 'What do we want to achieve?' }],
    },
    {
      id: 'station-3',
      title: 'Station 3',
      prompt: 'What do we do, who helps?',
      columns: [
        { id: 'was-tun', title: 'What do we do?' },
        { id: 'wer-hilft', title: 'Who helps?' },
      ],
    },
  ],
}

/**
 * The method templates a new event can start from; the client words their names by `id`. `english`:
 * the stations in English, for an event created in the English interface (Winnenden's are its own
 * day's German questions).
 */
export const METHOD_TEMPLATES = [
  { id: 'world-cafe-neutral', template: NEUTRAL_TEMPLATE, english: NEUTRAL_TEMPLATE_EN },
  { id: 'winnenden', template: WINNENDEN_TEMPLATE },
] as const satisfies readonly { id: string; template: Template; english?: Template }[]

/** A method template's stations in the interface's language (German where it has no English). */
export function methodTemplateIn(choice: (typeof METHOD_TEMPLATES)[number], language: 'de' | 'en'): Template {
  return language === 'en' && 'english' in choice ? choice.english : choice.template
}

export type MethodTemplateId = (typeof METHOD_TEMPLATES)[number]['id']
