import { useCallback, useEffect, useState } from 'react'
import { type ClientEventName, type ClientEventPayload, type MyChoices, type ProgrammeState, type DayClock, localDayClock, myChoicesSchema, programmeCountsSchema, programmeStateSchema, programmeViewSchema } from '@tischrunde/shared'
import type { Ack } from '@tischrunde/shared'
import { useTischStore } from '../../store/index.js'
import type { useControl } from '../../sync/hooks.js'

/** The control connection as useControl keeps it. */
export type ControlRef = ReturnType<typeof useControl>

/** The programme as a screen holds it: the day, the seats taken, the own choices and the clock's offset. */
export interface ProgrammeHold {
  state: ProgrammeState | null
  mine: MyChoices | null
  /** The programme's clock minus this device's, in ms. */
  offsetMs: number
  loaded: boolean
}

/** A command to the control plane; NETWORK when there is no connection. */
export type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/**
 * Keeps the event's programme: fetched when the connection is up (again), then updated by
 * `programme:state` messages. Every message is checked with the shared schema.
 */
export function useProgramme(control: ControlRef) {
  const status = useTischStore((s) => s.controlStatus)
  const [hold, setHold] = useState<ProgrammeHold>({ state: null, mine: null, offsetMs: 0, loaded: false })

  const send: Send = useCallback(
    (name, payload) => control.current?.send(name, payload) ?? Promise.resolve({ ok: false, code: 'NETWORK' } as Ack),
    [control],
  )
  const refresh = useCallback(async () => {
    const ack = await send('programme:get', {})
    if (!ack.ok) return
    const view = programmeViewSchema.safeParse((ack as { data?: unknown }).data)
    if (!view.success) return
    const { mine, ...state } = view.data
    setHold({ state, mine, offsetMs: state.serverNow - Date.now(), loaded: true })
  }, [send])

  useEffect(() => {
    const connection = control.current
    if (status !== 'online' || !connection) return
    void refresh()
    const offState = connection.on('programme:state', (payload) => {
      const parsed = programmeStateSchema.safeParse(payload)
      if (parsed.success) setHold((h) => ({ ...h, state: parsed.data, offsetMs: parsed.data.serverNow - Date.now(), loaded: true }))
    })
    const offCounts = connection.on('programme:counts', (payload) => {
      const parsed = programmeCountsSchema.safeParse(payload)
      // Counts of another version of the programme wait for its state (fetched then).
      if (!parsed.success) return
      setHold((h) => (h.state && h.state.version === parsed.data.version ? { ...h, state: { ...h.state, counts: parsed.data.counts }, offsetMs: parsed.data.serverNow - Date.now() } : h))
    })
    // One's choices changed elsewhere (another device, the organiser's move): this screen follows.
    const offMine = connection.on('programme:mine', (payload) => {
      const parsed = myChoicesSchema.safeParse(payload)
      if (parsed.success) setHold((h) => ({ ...h, mine: parsed.data }))
    })
    return () => {
      offState()
      offCounts()
      offMine()
    }
  }, [status, control, refresh])

  /** After an own choice: the choices and the seats taken as the server answered. */
  const setMine = useCallback((mine: MyChoices, counts?: Record<string, number>) => setHold((h) => ({ ...h, mine, ...(counts && h.state ? { state: { ...h.state, counts } } : {}) })), [])
  return { ...hold, send, refresh, setMine }
}

/** The event's wall clock (date and minute in its time zone), ticking every `intervalMs`. */
export function useDayClock(offsetMs: number, timeZone: string, intervalMs = 5000): DayClock {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => window.clearInterval(id)
  }, [intervalMs])
  return localDayClock(now + offsetMs, timeZone)
}

/** The data of an ok answer (`{ ok: true, data }`), or undefined. */
export const dataOf = (ack: Ack): unknown => (ack.ok ? (ack as { data?: unknown }).data : undefined)
