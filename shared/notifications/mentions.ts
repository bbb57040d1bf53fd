/** Who a message mentions: `@CDA` names a party, `@Carla Jansen` a person (by their full name). */
export interface Mentions {
  parties: string[];
  people: string[];
}

/**
 * The parties and people a text mentions with `@`, each once. Party short names match as written
 * (`@GL-PvdA`); people's names match whatever the case, the longest name first (so `@Jan de Vries` is not
 * taken for `@Jan`).
 */
export function mentionsIn(
  text: string,
  parties: readonly string[],
  people: readonly { id: string; name: string }[],
): Mentions {
  const found: Mentions = { parties: [], people: [] };
  const byLength = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const rest = text.slice(at + 1);
    const restLower = lower.slice(at + 1);
    const person = byLength.find((p) => {
      const name = p.name.toLowerCase();
      return restLower.startsWith(name) && !/[\p{L}\p{N}]/u.test(rest.charAt(name.length));
    });
    if (person) {
      if (!found.people.includes(person.id)) found.people.push(person.id);
      continue;
    }
    const word = /^[A-Za-z0-9-]+/.exec(rest)?.[0].replace(/-+$/, '');
    if (word && parties.includes(word) && !found.parties.includes(word)) found.parties.push(word);
  }
  return found;
}
