import { hostSeatOf } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { errorText } from '../../../i18n/error-text.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTischStore } from '../../../store/index.js'
import { ApiFailure, api } from '../../../sync/api.js'
import { type ParticipantIdentity, assignedTable as assignedInLink, clearLinkParts, fragmentToken } from '../../../sync/credentials.js'
import { forgetParticipantsAt, keepParticipant, readParticipant, readParticipantAt } from '../../../sync/device-storage.js'

export interface PhoneJoin {
  /** Null while joining (or after a failure). */
  identity: ParticipantIdentity | null
  /** What to tell the person when joining failed. */
  error: string | null
  /** The table the facilitator assigned in the link (`?tisch=…`), if any. */
  assignedTable: string | null
}

/**
 * Gives the phone its identity for a join code: the one kept on the device, a table host's link
 * (`#k=…`), or a fresh join. An identity the server no longer accepts is forgotten and, for a
 * participant, replaced by a fresh join.
 */
export function usePhoneJoin(code: string): PhoneJoin {
  const { t } = useTranslation()
  // Read during render (pure), removed from the address after mounting.
  const [hostToken] = useState(fragmentToken)
  const [assignedTable] = useState(assignedInLink)
  useEffect(clearLinkParts, [])
  const [identity, setIdentity] = useState<ParticipantIdentity | null>(() => (hostToken ? null : readParticipant(code)))
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (identity || !hostToken) return
    let live = true
    api.credential(hostToken).then(
      (info) => {
        if (!live) return
        const seat = hostSeatOf(info)
        if (!seat) return setError(t('join.hostLinkInvalid'))
        const id = { eventId: info.eventId, participantId: seat.participantId, token: hostToken, hostTable: seat.tableId }
        keepParticipant(code, id)
        setIdentity(id)
      },
      (e: unknown) => live && setError(e instanceof ApiFailure && e.code !== 'NETWORK' ? t('join.hostLinkInvalid') : t('errors.NETWORK')),
    )
    return () => {
      live = false
    }
  }, [code, identity, hostToken, t])

  useEffect(() => {
    if (identity || hostToken) return
    let live = true
    api.join(code).then(
      (res) => {
        if (!live) return
        // Joined before under a code renewed since: the same participant (their cards, their seat).
        const id = readParticipantAt(res.eventId) ?? { eventId: res.eventId, participantId: res.participantId, token: res.token }
        keepParticipant(code, id)
        setIdentity(id)
      },
      (e: unknown) => live && setError(e instanceof ApiFailure ? errorText(t, e.failure) : t('common.error')),
    )
    return () => {
      live = false
    }
  }, [code, identity, hostToken, t])

  const controlStatus = useTischStore((s) => s.controlStatus)
  useEffect(() => {
    // A stored identity the server no longer accepts (event reset, link revoked): join again.
    if (controlStatus === 'denied' && identity) {
      // Under every code it was kept for, so that joining again does not take it up once more.
      if (!identity.hostTable) forgetParticipantsAt(identity.eventId)
      keepParticipant(code, null)
      if (identity.hostTable) return setError(t('join.hostLinkInvalid'))
      // The refusal was this identity's: the next one starts without it (else it was dropped too, and joined again).
      useTischStore.setState({ controlStatus: 'connecting' })
      setIdentity(null)
    }
  }, [controlStatus, identity, code, t])

  return { identity, error, assignedTable }
}
