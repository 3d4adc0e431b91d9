/** Polls `check` until it returns a truthy value; fails with `label` after `timeoutMs`. Never waits forever. */
export declare function waitFor<T>(check: () => T | Promise<T>, label: string, timeoutMs?: number, everyMs?: number): Promise<NonNullable<T>>;
export declare const sleep: (ms: number) => Promise<void>;
/** Rejects with `label` if `promise` does not settle within `timeoutMs`. */
export declare function within<T>(promise: Promise<T>, label: string, timeoutMs?: number): Promise<T>;
