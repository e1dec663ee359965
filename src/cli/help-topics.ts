import { ENV_CATALOGUE } from '../model/defaults.js';
import { EXIT } from '../model/errors.js';
import { ENV_DOSSIERS, ENV_NOW } from '../store/dossier-folder.js';
import { hang, wrap } from '../text/terminal.js';

// `methodewijzer help environment` and `help exit-codes`, as gh has its help topics: what the top-level
// help only points to. Loaded by `help` alone. tests/e2e/help-topics.test.ts holds the first to every
// variable that src/ reads, and the second to every code in EXIT.

interface Entry {
  term: string;
  text: string;
}

interface Topic {
  title: string;
  intro: string;
  entries: Entry[];
  outro?: string;
}

const ENVIRONMENT: Topic = {
  title: 'Omgevingsvariabelen',
  intro: 'De variabelen die methodewijzer leest. Een opdrachtregeloptie gaat voor een variabele.',
  entries: [
    {
      term: ENV_CATALOGUE,
      text:
        "mappen met eigen methoden, gescheiden door ':' (op Windows ';'), die elke opdracht meeneemt (na die van --catalogue). " +
        'Bestaat zo’n map niet, dan volgt een waarschuwing en afsluitcode 3; bij --catalogue is dat een gebruiksfout (2).',
    },
    { term: ENV_DOSSIERS, text: 'de map met dossiers van actie --dossier (na --dossiers); anders $XDG_DATA_HOME/methodewijzer/dossiers.' },
    { term: ENV_NOW, text: 'de datum en tijd van een nieuwe sessie, als 2026-03-02T14:05, voor tests en demonstraties; anders de klok.' },
    { term: 'METHODEWIJZER_DEBUG', text: 'bij een onverwachte fout de technische details (stack trace), en welk deel van de cache niet gebruikt wordt omdat het niet van u is.' },
    { term: 'METHODEWIJZER_PAGER, PAGER', text: 'de pager voor lange uitvoer op een terminal, in deze volgorde; standaard less. Leeg: geen pager (zoals --no-pager).' },
    { term: 'LESS, LV', text: 'opties voor less en lv; niet gezet, dan LESS=FRX (stoppen als het past, kleur houden) en LV=-c.' },
    { term: 'NO_COLOR', text: 'geen kleur (zoals --no-color).' },
    { term: 'FORCE_COLOR', text: 'kleur, ook als de uitvoer geen terminal is; 0 of false: geen kleur.' },
    { term: 'TERM', text: 'dumb: geen kleur en geen links.' },
    {
      term: 'FORCE_HYPERLINK',
      text: '1: namen van methoden als klikbare links, ook als de terminal niet meldt dat hij ze kent (en in een pijp); 0: nooit. Anders beslist de terminal (TERM_PROGRAM en dergelijke).',
    },
    { term: 'BROWSER', text: "de browser voor open, show --web en de handout van actie: opdrachten gescheiden door ':', met %s voor de link; none: geen browser, alleen de link." },
    { term: 'CI', text: 'gezet (niet 0 of false): geen browser starten, de link komt op stdout.' },
    { term: 'DISPLAY, WAYLAND_DISPLAY, WSL_DISTRO_NAME', text: 'op Linux: zonder een van deze start geen browser (er is geen beeldscherm).' },
    { term: 'XDG_CACHE_HOME', text: 'de cache komt in $XDG_CACHE_HOME/methodewijzer; anders in ~/.cache/methodewijzer (macOS: ~/Library/Caches/methodewijzer; Windows: %LOCALAPPDATA%\\methodewijzer\\Cache). Weggooien mag altijd.' },
    { term: 'XDG_DATA_HOME', text: 'de dossiers komen in $XDG_DATA_HOME/methodewijzer/dossiers; anders in ~/.local/share/methodewijzer/dossiers (macOS: ~/Library/Application Support/methodewijzer/dossiers; Windows: %LOCALAPPDATA%\\methodewijzer\\Data\\dossiers).' },
    { term: 'LOCALAPPDATA, USERPROFILE', text: 'op Windows: waar cache en dossiers staan (%LOCALAPPDATA%), en de thuismap (%USERPROFILE%, waar elders HOME geldt).' },
    { term: 'HOME', text: 'uw thuismap: voor ~ in mapnamen en voor de standaardplaats van cache en dossiers.' },
  ],
};

const EXIT_TEXT: Record<keyof typeof EXIT, string> = {
  ok: 'gelukt; ook een lege lijst.',
  failed: 'niet gevonden of mislukt: een onbekende methode, geen zoekresultaat, een bestand dat al bestaat, schrijven dat mislukt.',
  usage: 'verkeerd gebruik: een onbekende opdracht of optie, een ongeldige waarde, een ontbrekend antwoord, een map van --catalogue die niet bestaat.',
  invalidCatalogue: 'ongeldige catalogusgegevens: de rest is gebruikt, de problemen staan op stderr (zie validate).',
  interrupted: 'afgebroken: Ctrl-C (SIGINT), kill (SIGTERM), een gesloten terminal (SIGHUP), of Esc in de keuzelijst van search.',
};

const EXIT_CODES: Topic = {
  title: 'Afsluitcodes',
  intro: 'Waarmee methodewijzer eindigt, voor scripts (echo $? in de shell).',
  entries: (Object.keys(EXIT) as (keyof typeof EXIT)[]).map((key) => ({ term: String(EXIT[key]), text: EXIT_TEXT[key] })),
  outro:
    'Een verdwenen lezer (| head) is een stille 0; kan stdout of stderr niet geschreven worden (een volle schijf), dan 1, met één regel op stderr.',
};

export const HELP_TOPICS: Record<string, Topic> = { environment: ENVIRONMENT, 'exit-codes': EXIT_CODES };

/** A topic as the help prints it: title, intro, then each term with its text beside it (a short term) or below it. */
export function formatTopic(topic: Topic, width: number): string {
  const entries = topic.entries
    .map((e) => (e.term.length <= 4 ? hang(`  ${e.term.padEnd(4)}  `, e.text, width) : `  ${e.term}\n${wrap(e.text, width, '      ')}`))
    .join('\n');
  return `${topic.title}\n\n${wrap(topic.intro, width)}\n\n${entries}\n${topic.outro ? `\n${wrap(topic.outro, width)}\n` : ''}`;
}
