/**
 * A random URL-safe id (16 characters, 96 bits). crypto.randomUUID exists only on HTTPS pages, and
 * venue servers are often plain HTTP; getRandomValues works everywhere.
 */
export declare function randomId(): string;
