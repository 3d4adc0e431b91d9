/** Absolute address of a server-relative link, for QR codes and copying. */
export declare function absolute(link: string): string;
/** Adds a query parameter to a link that may carry a `#k=` fragment. */
export declare function withQuery(link: string, key: string, value: string): string;
