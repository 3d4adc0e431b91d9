import type { Template } from './template.schema.js'

/**
 * The default template: the three World-Café stations of the Winnenden regional conference
 * (2 July 2019), two columns each, worded as on the day's result sheets. A module of its own: the
 * phone's bundle reads the template schema and should not carry a whole day's station texts with it.
 */
export const WINNENDEN_TEMPLATE: Template = {
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
      prompt: 'Was sind unsere Ziele? Was soll ein gutes Integrationsmanagement leisten?',
      columns: [
        { id: 'ziele', title: 'Was sind unsere Ziele?' },
        { id: 'leisten', title: 'Was soll ein gutes Integrationsmanagement leisten?' },
      ],
    },
    {
      id: 'station-3',
      title: 'Station 3',
      prompt: 'Wie können wir den Zielen näherkommen? Was können wir vor Ort ändern? Wer kann helfen?',
      columns: [
        { id: 'naeherkommen', title: 'Wie können wir den Zielen näherkommen? Was können wir vor Ort ändern?' },
        { id: 'wer-hilft', title: 'Wer kann helfen?' },
      ],
    },
  ],
}
