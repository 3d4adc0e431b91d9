import { type Template, WINNENDEN_TEMPLATE } from './template.schema.js'

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

/** The method templates a new event can start from; the client words their names by `id`. */
export const METHOD_TEMPLATES = [
  { id: 'world-cafe-neutral', template: NEUTRAL_TEMPLATE },
  { id: 'winnenden', template: WINNENDEN_TEMPLATE },
] as const satisfies readonly { id: string; template: Template }[]

export type MethodTemplateId = (typeof METHOD_TEMPLATES)[number]['id']
