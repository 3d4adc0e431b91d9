import { describe, expect, it } from 'vitest'
import '../../../i18n/tree-wording.js'
import { translate } from '../../../i18n/index.js'
import { allObjectivesMessage, objectivesMessage } from './objectives-message.js'

const t = (key: string, params?: Record<string, unknown>) => translate('de', key, params as never)
const derived = (written: number, leftOutTexts: string[], leftOut = leftOutTexts.length) => ({ ok: true as const, data: { written, leftOut, leftOutTexts } })

describe('what the console says after creating a solution tree', () => {
  it('says how many entries came over, or that the tree is up to date', () => {
    expect(objectivesMessage(t, derived(3, []))).toBe('3 Einträge aus dem Problembaum in den Lösungsbaum übernommen.')
    expect(objectivesMessage(t, derived(1, []))).toBe('1 Eintrag aus dem Problembaum in den Lösungsbaum übernommen.')
    expect(objectivesMessage(t, derived(0, []))).toBe('Der Lösungsbaum ist schon auf dem Stand des Problembaums.')
  })

  it('names the problems left out, to be added by hand, and how many more there are', () => {
    expect(objectivesMessage(t, derived(1, ['Projekte enden früh']))).toBe(
      '1 Eintrag aus dem Problembaum in den Lösungsbaum übernommen. 1 Problem nicht übernommen, weil sein Platz im Lösungsbaum nicht mehr passt (der Eintrag darüber fehlt dort oder hat inzwischen eine andere Art) – bitte von Hand ergänzen: „Projekte enden früh“.',
    )
    expect(objectivesMessage(t, derived(0, ['A', 'B'], 4))).toContain('4 Probleme nicht übernommen, weil ihr Platz im Lösungsbaum nicht mehr passt (der Eintrag darüber fehlt dort oder hat inzwischen eine andere Art) – bitte von Hand ergänzen: „A“, „B“ und 2 weitere.')
  })

  it('words a refusal, and reads an answer without figures as done', () => {
    expect(objectivesMessage(t, { ok: false, code: 'NOT_NOW', params: { reason: 'TREE_OBJECTIVES_BROKEN' } })).toMatch(/^Der Lösungsbaum dieser Gruppe enthält einen Eintrag an einer Stelle, an der er nicht stehen darf/)
    expect(objectivesMessage(t, { ok: false, code: 'NOT_NOW', params: { reason: 'TREE_NO_CORE' } })).toMatch(/^Der Problembaum dieser Gruppe hat noch kein Kernproblem/)
    expect(objectivesMessage(t, { ok: true })).toBe('Lösungsbaum erstellt bzw. ergänzt.')
  })

  it('for all groups at once names for which it was done, which have no core problem yet, which failed and why, and where problems stayed out', () => {
    const ok = derived(2, [])
    const noCore = { ok: false as const, code: 'NOT_NOW' as const, params: { reason: 'TREE_NO_CORE' as const } }
    expect(allObjectivesMessage(t, [{ group: 'kleiner Landkreis', ack: ok }, { group: 'große Stadt', ack: derived(0, ['X']) }])).toBe(
      'Lösungsbäume aller 2 Gruppen erstellt bzw. ergänzt. Nicht alle Probleme übernommen bei: große Stadt – bitte dort nachsehen.',
    )
    expect(allObjectivesMessage(t, [{ group: 'kleiner Landkreis', ack: ok }, { group: 'große Stadt', ack: noCore }, { group: 'Landkreis B', ack: noCore }])).toBe(
      'Lösungsbäume erstellt bzw. ergänzt für: kleiner Landkreis. Noch kein Kernproblem im Problembaum, daher kein Lösungsbaum daraus (die Gruppe kann ihr Ziel selbst schreiben): große Stadt, Landkreis B.',
    )
    expect(allObjectivesMessage(t, [{ group: 'kleiner Landkreis', ack: ok }, { group: 'große Stadt', ack: { ok: false, code: 'NOT_NOW', params: { reason: 'TREE_OBJECTIVES_BROKEN' } } }])).toMatch(
      /^Lösungsbäume erstellt bzw\. ergänzt für: kleiner Landkreis\. Nicht erstellt für: große Stadt\. Der Lösungsbaum dieser Gruppe enthält einen Eintrag/,
    )
  })
})
