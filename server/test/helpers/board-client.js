import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_REFUSED, MESSAGE_SAVED, boardDocName, putCard, readSnapshot } from '@tischrunde/shared';
import { aCard } from '@tischrunde/fixtures';
import { join } from './api.js';
import { waitFor, within } from './wait.js';
export function connectBoard(url, eventId, tableId, token) {
    return connectDoc(url, boardDocName(eventId, tableId), token);
}
/** A y-websocket client on a doc of any kind, by its name. */
export function connectDoc(url, docName, token) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, docName, doc, {
        params: { token },
        WebSocketPolyfill: WebSocket,
        disableBc: true,
        maxBackoffTime: 300,
    });
    let saved = new Map();
    provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
        saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    };
    const refusals = [];
    provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
        refusals.push(decoding.readVarString(decoder));
    };
    const closeCodes = [];
    provider.on('connection-close', (event) => {
        if (event)
            closeCodes.push(event.code);
    });
    const ownClock = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
    const isSaved = () => (saved.get(doc.clientID) ?? 0) >= ownClock();
    const cards = () => readSnapshot(doc).cards;
    return {
        doc,
        provider,
        savedVector: () => saved,
        closeCodes,
        refusals,
        synced: (timeoutMs = 5000) => provider.synced
            ? Promise.resolve()
            : within(new Promise((resolve) => provider.once('sync', (s) => s && resolve())), `first sync of ${provider.roomname}`, timeoutMs),
        saved: async (timeoutMs = 5000) => {
            await waitFor(isSaved, `the server to acknowledge the writes on ${provider.roomname}`, timeoutMs);
        },
        isSaved,
        cards,
        put: (card) => putCard(doc, card),
        waitForCard: (id, timeoutMs = 5000) => waitFor(() => cards().find((c) => c.id === id), `card ${id} on ${provider.roomname}`, timeoutMs),
        destroy: () => {
            provider.destroy();
            doc.destroy();
        },
    };
}
/** A phone: joins with the event's code, opens a table's board, and writes cards as itself. */
export async function connectPhone(url, eventId, tableId, joinCode) {
    const { token, participantId } = await join(url, joinCode);
    const client = connectBoard(url, eventId, tableId, token);
    return Object.assign(client, {
        token,
        participantId,
        /** A card by this phone's participant. */
        card: (overrides = {}) => aCard({ ...overrides, authorId: participantId }),
    });
}
//# sourceMappingURL=board-client.js.map