import type { Translate } from '../../i18n/index.js'

/** An area's name: the event's own name for it, else the default wording. */
export function areaLabel(t: Translate, areaNames: ReadonlyMap<string, string>, area: string): string {
  return areaNames.get(area) ?? t(`actors.areas.${area}`)
}
