import type { CreateEventResponse, JoinResponse } from '@tischrunde/shared';
/** A JSON request to the server's API; returns status and parsed body. */
export declare function api<T = unknown>(url: string, path: string, opts?: {
    method?: string;
    body?: unknown;
    token?: string;
}): Promise<{
    status: number;
    body: T;
}>;
/** Registers the admin key of the server at `url` (called by the helpers that start servers). */
export declare function rememberAdminKey(url: string, adminKey: string): void;
/** The admin key of the server at `url`, as its start printed it. */
export declare function adminKeyOf(url: string): string;
/**
 * Creates an event through the API with the installation's admin key, as the start page does
 * after the admin link was opened. `token: null` sends none (as a stranger would).
 */
export declare function createEvent(url: string, input: {
    title: string;
    tableNames: string[];
    date?: string;
    place?: string;
}, opts?: {
    token?: string | null;
}): Promise<CreateEventResponse>;
/** Joins an event with its code, as a phone does; returns the participant credential. */
export declare function join(url: string, code: string): Promise<JoinResponse>;
/** The credential inside a link such as `/e/<id>/console#k=<token>`. */
export declare const tokenOfLink: (link: string) => string;
