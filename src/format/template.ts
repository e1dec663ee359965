export interface TemplateInput {
  id: string;
  name: string;
  /** The `# yaml-language-server: $schema=...` line. */
  modeline: string;
  /** Renders one YAML scalar (the name may need quoting). */
  scalar: (value: string) => string;
}

/** Placeholder marker in the template; a test checks the template holds every schema field. */
export const FILL_IN = 'VUL IN';

/**
 * A new method file with every field, each explained in a comment. The fields the user must fill
 * in are left empty on purpose: until they are, the file does not validate, so `validate` (and any
 * command that loads the folder) points at what is still missing instead of accepting a stub.
 */
export function methodTemplate({ id, name, modeline, scalar }: TemplateInput): string {
  return `${modeline}
#
# Een eigen methode voor de methodewijzer. Vul de velden bij "${FILL_IN}" in.
# Zolang die leeg zijn, is het bestand ongeldig en wordt de methode niet getoond.
# Wat er per veld nog ontbreekt, ziet u met: methodewijzer validate <map>

# Vaste sleutel: kleine letters, cijfers en koppeltekens; gelijk aan de bestandsnaam.
# Een id dat al in de ingebouwde catalogus staat, vervangt die methode.
id: ${id}

# De naam van de methode, zoals de bron hem schrijft.
name: ${scalar(name)}

# Andere schrijfwijzen of afkortingen om de methode ook op te vinden (mag leeg blijven).
# Bijvoorbeeld: aliases: [MM, Mijn methode]
aliases: []

# ${FILL_IN}: in een tot drie zinnen wat de methode doet, in uw eigen woorden.
summary: ""

# ${FILL_IN}: de ACTIE-elementen waarbij de methode helpt, minstens één van
# animo, contact, toerusting, inbedding, empathie. Bijvoorbeeld: [animo, contact]
elements: []

# Waar de methode vandaan komt.
source:
  # ${FILL_IN}: databank (beproefd in de praktijk en beschreven in een databank)
  # of verkenning (beschreven in een verkenning).
  kind: ""
  # De databank, in kleine letters en koppeltekens; haal het #-teken weg om hem te
  # gebruiken, of laat de regel zo als de methode niet uit een databank komt.
  # collection: naam-van-de-databank

# ${FILL_IN}: de link naar een beschrijving van de methode, beginnend met https://
url: ""

# Trefwoorden om op te filteren, in kleine letters en koppeltekens (mag leeg blijven).
# Bijvoorbeeld: tags: [wijk, jongeren]
tags: []

# Alleen als de bron de methode onder één element anders beschrijft dan onder een ander: per element
# die beschrijving. Haal het #-teken weg om het te gebruiken.
# elementSummaries: { toerusting: "", inbedding: "" }
`;
}
