// snowball-stemmers ships no types; this is the part search uses.
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
}
