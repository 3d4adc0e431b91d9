import { useEffect, useState } from 'react'
import { useTischStore } from '../../store/index.js'
import { currentStation, selectEvent } from '../../store/selectors.js'
import type { ParticipantIdentity } from '../../sync/credentials.js'
import { keepName, keepTable, keepTableclothsSeen, keepVisits, readName, readTable, readTableclothsSeen, readVisits } from '../../sync/device-storage.js'
import type { Visits } from '../rotation/visits.js'
import { visitToRecord } from './phone-step.js'

export interface PhoneSeat {
  /** The table chosen (or assigned); phoneStep checks that it exists. */
  tableId: string | null
  /** Sits down at a table (null: stands up to choose again); counts as this station's visit. */
  pick: (tableId: string | null) => void
  /** The table this phone just stood up from to choose again ("Tisch wechseln"), to go back to; null otherwise. */
  left: string | null
  name: string
  changeName: (name: string) => void
  visits: Visits
  tableclothsSeen: readonly string[]
  markTableclothRead: (key: string) => void
}

/**
 * Where this phone sits, under which name, where it sat before and which tablecloths it read:
 * kept on the device, so a reload returns to the same screen.
 */
export function usePhoneSeat(identity: ParticipantIdentity, assignedTable: string | null): PhoneSeat {
  const { eventId } = identity
  const event = useTischStore(selectEvent)
  const round = useTischStore((s) => s.round)
  const [tableId, setTableId] = useState<string | null>(() => {
    const chosen = identity.hostTable ?? assignedTable
    if (chosen) keepTable(eventId, chosen)
    return chosen ?? readTable(eventId)
  })
  const [left, setLeft] = useState<string | null>(null)
  const [name, setName] = useState(() => readName(eventId))
  const [visits, setVisits] = useState<Visits>(() => readVisits(eventId))
  const [tableclothsSeen, setTableclothsSeen] = useState<readonly string[]>(() => readTableclothsSeen(eventId))

  useEffect(() => {
    const visit = visitToRecord({ event, round, tableId, visits })
    if (visit) setVisits(recordVisit(eventId, visit.stationId, visit.tableId))
  }, [event, round, tableId, visits, eventId])

  return {
    tableId,
    left,
    pick: (id) => {
      setLeft(id === null ? tableId : null)
      keepTable(eventId, id)
      setTableId(id)
      const station = event ? currentStation(event, round) : null
      if (id && station) setVisits(recordVisit(eventId, station.id, id))
    },
    name,
    changeName: (next) => {
      keepName(eventId, next)
      setName(next)
    },
    visits,
    tableclothsSeen,
    markTableclothRead: (key) => {
      keepTableclothsSeen(eventId, [...readTableclothsSeen(eventId), key])
      setTableclothsSeen((seen) => [...seen, key])
    },
  }
}

/** Keeps that this phone sat at `tableId` in `stationId`; returns all visits. */
function recordVisit(eventId: string, stationId: string, tableId: string): Visits {
  const next = { ...readVisits(eventId), [stationId]: tableId }
  keepVisits(eventId, next)
  return next
}
