// The `hyphen` package ships no types; this is the part of its API the journal uses. It is CommonJS
// without an exports map, so ESM must name the file.
declare module 'hyphen/uk/index.js' {
  const hyphen: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string };
  export default hyphen;
}
