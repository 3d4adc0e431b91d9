/** Polls `check` until it returns a truthy value; fails with `label` after `timeoutMs`. Never waits forever. */
export async function waitFor(check, label, timeoutMs = 5000, everyMs = 20) {
    const until = Date.now() + timeoutMs;
    let last;
    for (;;) {
        try {
            const value = await check();
            if (value)
                return value;
        }
        catch (error) {
            last = error;
        }
        if (Date.now() > until)
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${last ? ` (last error: ${String(last)})` : ''}`);
        await sleep(everyMs);
    }
}
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Rejects with `label` if `promise` does not settle within `timeoutMs`. */
export function within(promise, label, timeoutMs = 5000) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=wait.js.map