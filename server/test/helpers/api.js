/** A JSON request to the server's API; returns status and parsed body. */
export async function api(url, path, opts = {}) {
    const res = await fetch(`${url}${path}`, {
        method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
        headers: {
            ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
        signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) };
}
/**
 * The admin key of every server the helpers started, by address: creating an event needs it
 * (startServer and startChildServer register it), so tests call `createEvent(url, …)` as before.
 */
const adminKeys = new Map();
/** Registers the admin key of the server at `url` (called by the helpers that start servers). */
export function rememberAdminKey(url, adminKey) {
    adminKeys.set(url, adminKey);
}
/** The admin key of the server at `url`, as its start printed it. */
export function adminKeyOf(url) {
    const key = adminKeys.get(url);
    if (!key)
        throw new Error(`no admin key known for ${url}: start it with startServer or startChildServer`);
    return key;
}
/**
 * Creates an event through the API with the installation's admin key, as the start page does
 * after the admin link was opened. `token: null` sends none (as a stranger would).
 */
export async function createEvent(url, input, opts = {}) {
    const token = opts.token === undefined ? adminKeyOf(url) : opts.token;
    const { status, body } = await api(url, '/api/events', {
        body: { date: '2026-11-23', place: 'Rathaus Winnenden', ...input },
        ...(token ? { token } : {}),
    });
    if (status !== 201)
        throw new Error(`POST /api/events answered ${status}: ${JSON.stringify(body)}`);
    return body;
}
/** Joins an event with its code, as a phone does; returns the participant credential. */
export async function join(url, code) {
    const { status, body } = await api(url, '/api/join', { body: { code } });
    if (status !== 200)
        throw new Error(`POST /api/join answered ${status}: ${JSON.stringify(body)}`);
    return body;
}
/** The credential inside a link such as `/e/<id>/console#k=<token>`. */
export const tokenOfLink = (link) => decodeURIComponent(link.slice(link.indexOf('#k=') + 3));
//# sourceMappingURL=api.js.map