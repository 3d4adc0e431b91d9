/** German (1996 spelling) hyphenation patterns of the `hyphen` package, which ships no types. */
declare module 'hyphen/de-1996' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string
}
