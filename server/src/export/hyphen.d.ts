/** German (1996 spelling) hyphenation patterns of the `hyphen` package, which ships no types (a CommonJS module). */
declare module 'hyphen/de-1996' {
  const hyphen: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }
  export default hyphen
}
