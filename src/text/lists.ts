// "a, b en c" and "a, b of c", as Dutch writes them. Made on first use, and not for one item: the
// first Intl.ListFormat of a process loads its language data, about 15 ms, which a single suggestion
// ("Bedoelde u: list?") should not pay.
let and: Intl.ListFormat | undefined;
let or: Intl.ListFormat | undefined;

/** "a", "a en b", "a, b en c". */
export const andList = (items: string[]) => (items.length < 2 ? (items[0] ?? '') : (and ??= new Intl.ListFormat('nl', { type: 'conjunction' })).format(items));

/** "a", "a of b", "a, b of c". */
export const orList = (items: string[]) => (items.length < 2 ? (items[0] ?? '') : (or ??= new Intl.ListFormat('nl', { type: 'disjunction' })).format(items));
