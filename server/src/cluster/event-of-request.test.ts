import { describe, expect, it } from 'vitest'
import { eventOfRequest } from './event-of-request.js'

describe('the event a request belongs to (routed to its owner node)', () => {
  it.each([
    ['/yjs/board.winnenden.bildung?token=x', 'winnenden'],
    ['/yjs/tree.koeln-2026.problem', 'koeln-2026'],
    ['/socket.io/?event=winnenden&EIO=4&transport=polling', 'winnenden'],
    ['/socket.io/?EIO=4&transport=websocket&sid=abc&event=bremen', 'bremen'],
    ['/api/events/winnenden', 'winnenden'],
    ['/api/events/winnenden/export.zip', 'winnenden'],
    ['/api/events/winnenden?x=1', 'winnenden'],
  ])('%s → %s', (url, event) => expect(eventOfRequest(url)).toBe(event))

  it('sends joining and creating events to one node each, so their budgets count across nodes', () => {
    expect(eventOfRequest('/api/join', 'POST')).toBe('_join')
    expect(eventOfRequest('/api/events', 'POST')).toBe('_create')
    expect(eventOfRequest('/api/events', 'GET')).toBeUndefined()
  })

  it.each([
    '/api/events',
    '/api/events/import',
    '/api/join',
    '/socket.io/?EIO=4&transport=polling',
    '/socket.io/?event=Not_A_Slug',
    '/yjs/board',
    '/yjs/%E0%A4%A',
    // Paths a URL parser rewrites name no doc at all (the socket refuses them too): read raw they
    // named no event, parsed they opened the event's board on whichever node they reached.
    '/yjs/x/../board.winnenden.bildung',
    '/yjs/x/%2e%2e/board.winnenden.bildung',
    '/yjs/x\\..\\board.winnenden.bildung',
    '/yjs/./board.winnenden.bildung',
    '/api/events/..%2F..%2Fetc',
    '/e/winnenden/console',
    '/',
  ])('%s names no event', (url) => expect(eventOfRequest(url)).toBeUndefined())
})
