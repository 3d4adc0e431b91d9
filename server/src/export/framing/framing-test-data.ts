import { winnendenEvent } from '@tischrunde/fixtures'
import type { EventExport } from '../shared-export.js'
import { testPng } from '../../framing/test-images.js'

export type { EventExport }
export type { StructNode } from '../read-back.js'

/** Winnenden's day with a framing as its organisers would write it, one organiser with a logo. */
export function winnendenFraming(): EventExport {
  const file = winnendenEvent()
  const logoId = 'a1b2c3d4e5f60718'
  return {
    ...file,
    event: {
      ...file.event,
      framing: {
        subtitle: 'Integrationskonferenz des Rems-Murr-Kreises',
        organisers: [
          { name: 'Landratsamt Rems-Murr-Kreis', logoId },
          { name: 'Stadt Winnenden', logoId: null },
        ],
        intro: 'Wir danken allen, die an den Thementischen mitgearbeitet haben.\n\n# 1 im Landkreis: so viele Ehrenamtliche wie nie.',
        outlook: 'Die Ergebnisse gehen in den Integrationsplan 2020 ein.\n\nIm Herbst laden wir zu einem Folgetreffen ein.',
      },
    },
    logos: [{ id: logoId, type: 'image/png', data: Buffer.from(testPng(120, 40)).toString('base64') }],
  }
}
