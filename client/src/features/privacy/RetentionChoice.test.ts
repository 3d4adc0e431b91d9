import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyRetentionChoice } from './RetentionChoice.js'

describe('the retention chosen at creation', () => {
  afterEach(() => vi.unstubAllGlobals())
  const created = (date: string) => ({ event: { id: 'tag-der-vielfalt', date }, facilitatorToken: 'tok' })
  const now = Date.parse('2026-11-30T10:00:00Z')

  it('stores the deletion date that many days after the event', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ deleteOn: '2027-03-15', chosen: true, daysLeft: 105, warning: false }), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    await applyRetentionChoice(created('2026-12-15'), 90, now)
    expect(fetch).toHaveBeenCalledWith('/api/events/tag-der-vielfalt/retention', expect.objectContaining({ method: 'PUT', body: JSON.stringify({ deleteOn: '2027-03-15' }) }))
  })

  it('counts from today for an event set up after its day, and sends nothing for the default', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    await applyRetentionChoice(created('2026-11-01'), 7, now)
    expect(fetch).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ body: JSON.stringify({ deleteOn: '2026-12-07' }) }))
    fetch.mockClear()
    await applyRetentionChoice(created('2026-12-15'), 30, now)
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('the privacy notice entered at creation', () => {
  afterEach(() => vi.unstubAllGlobals())
  it('is stored for the new event when something was entered, and not sent when empty', async () => {
    const { applyNoticeChoice } = await import('./RetentionChoice.js')
    const notice = { privacyText: 'Verantwortlich: Stadt Winnenden', privacyUrl: '', imprintText: '', imprintUrl: 'https://www.winnenden.de/impressum' }
    const fetch = vi.fn(async () => new Response(JSON.stringify(notice), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    await applyNoticeChoice({ event: { id: 'tag' }, facilitatorToken: 'tok' }, notice)
    expect(fetch).toHaveBeenCalledWith('/api/events/tag/privacy', expect.objectContaining({ method: 'PUT', body: JSON.stringify(notice) }))
    fetch.mockClear()
    await applyNoticeChoice({ event: { id: 'tag' }, facilitatorToken: 'tok' })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('the days typed at creation', () => {
  it('count when they are whole days from 1 to 730, else the default applies', async () => {
    const { retentionDaysOf } = await import('./RetentionChoice.js')
    expect(['90', ' 7 ', '730', '0', '731', '2.5', '', 'dreißig'].map(retentionDaysOf)).toEqual([90, 7, 730, null, null, null, null, null])
  })
})
