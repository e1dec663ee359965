/** A count with its noun in the right number: `plural(1, 'methode', 'methoden')` is "1 methode", 3 gives "3 methoden". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
