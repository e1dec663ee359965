import { constants, mkdirSync, readdirSync, statSync, unlinkSync, writeSync, closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseRecords } from '../catalogue/parse-records.js';
import { formatProblem, type Problem } from '../catalogue/problem.js';
import { dossierSlug, sameName, withSession } from '../core/dossier.js';
import { writeFileAtomic, writeFileInterruptibly } from '../io/files.js';
import { readRegularFile } from '../io/read-file.js';
import { MAX_FILE_BYTES } from '../model/defaults.js';
import { DOSSIER_FORMAT, dossierSchema, type Dossier, type DossierSession } from '../model/dossier.js';
import { FailedError, UsageError } from '../model/errors.js';
import { displayPath } from '../text/paths.js';
import { sanitize } from '../text/terminal.js';

// The dossier folder: one YAML file per initiative (docs/dossier.md). Files are 0600 in a 0700 folder
// (they may hold notes about people); a write is atomic and happens under a lock, after reading the file
// again, so two runs at once both keep their session; a damaged file is reported and never overwritten.

/** Where an initiative's dossier lives; a name without letters or digits is a usage error. */
export function dossierFile(folder: string, name: string): string {
  const slug = dossierSlug(name);
  if (!slug) throw new UsageError(`"${sanitize(name)}" is geen bruikbare naam voor een dossier`, 'Geef een naam met letters of cijfers, bijvoorbeeld --dossier "Keet Oost".');
  return join(folder, `${slug}.yaml`);
}

export type ReadDossier = { dossier: Dossier; file: string } | { problems: Problem[]; file: string } | { missing: true; file: string };

/** Reads one dossier file; a missing file is no error, a damaged one comes back as its problems. */
export function readDossierFile(file: string): ReadDossier {
  const shown = displayPath(file);
  let exists = true;
  try {
    statSync(file);
  } catch (err) {
    // ENOTDIR: a file where a folder on the way should be; then there is no dossier either (saving says why).
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) exists = false;
  }
  if (!exists) return { missing: true, file };
  const read = readRegularFile(file, { maxBytes: MAX_FILE_BYTES });
  if ('problem' in read) return { file, problems: [{ file: shown, message: read.problem }] };
  const parsed = parseRecords(shown, read.bytes.toString('utf8'), dossierSchema);
  if (parsed.problems.length) return { file, problems: parsed.problems };
  if (parsed.records.length !== 1) return { file, problems: [{ file: shown, line: parsed.records[1]?.line, message: 'een dossier is één YAML-document; dit bestand heeft er meer' }] };
  return { file, dossier: parsed.records[0].value };
}

/** The error for a damaged dossier: every problem with its file, line and field, and that nothing was changed. */
export function damaged(problems: Problem[], what: string): FailedError {
  return new FailedError(
    `het dossier is beschadigd; ${what}:\n${problems.map((p) => sanitize(formatProblem(p))).join('\n')}`,
    'Herstel het bestand (of zet het terug uit git) en probeer het opnieuw; methodewijzer overschrijft het niet.',
  );
}

/** Reads the dossier of `name`; undefined when there is none yet; a damaged file is an error. */
export function loadDossier(folder: string, name: string, what = 'er is niets veranderd'): { dossier?: Dossier; file: string } {
  const read = readDossierFile(dossierFile(folder, name));
  if ('problems' in read) throw damaged(read.problems, what);
  if ('missing' in read) return { file: read.file };
  return { dossier: read.dossier, file: read.file };
}

export interface DossierEntry {
  file: string;
  dossier?: Dossier;
  problems?: Problem[];
}

/** Every dossier in the folder, by file name; damaged ones with their problems. No folder: none. */
export function listDossiers(folder: string): DossierEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new FailedError(`kan de dossiermap ${sanitize(displayPath(folder))} niet lezen (${(err as NodeJS.ErrnoException).code})`);
  }
  return names.map((n) => {
    const read = readDossierFile(join(folder, n));
    return 'dossier' in read ? { file: read.file, dossier: read.dossier } : 'problems' in read ? { file: read.file, problems: read.problems } : { file: read.file };
  });
}

/** How long a run waits for another that is saving to the same dossier, and when a lock is taken to be left behind. */
const LOCK_WAIT_MS = 15_000;
const LOCK_STALE_MS = 60_000;

/**
 * Adds a session to the dossier of `name`, creating folder (0700) and file (0600) when new. Under a lock
 * (a file made exclusively next to the dossier), the file is read again and the session added at its
 * end, so a run that saved meanwhile keeps its session; the write is atomic, so a killed run leaves the
 * dossier as it was. Returns the dossier as saved and how many sessions it has.
 */
export async function saveSession(folder: string, name: string, session: DossierSession, signal?: AbortSignal): Promise<{ dossier: Dossier; file: string; created: boolean }> {
  const file = dossierFile(folder, name);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new FailedError(
      `kan de dossiermap ${sanitize(displayPath(folder))} niet maken (${(err as NodeJS.ErrnoException).code}); de sessie is niet opgeslagen`,
      'Kies met --dossiers of METHODEWIJZER_DOSSIERS een map waarin u mag schrijven.',
    );
  }
  const release = await lock(`${file}.lock`, signal);
  try {
    const read = readDossierFile(file);
    if ('problems' in read) throw damaged(read.problems, 'de nieuwe sessie is niet opgeslagen en het dossier is niet veranderd');
    const before = 'dossier' in read ? read.dossier : undefined;
    const dossier = withSession(before, name, session);
    // Added to the document as it is, so what a person wrote in the file (comments, their own layout) stays.
    const text = before ? appendToText(readFileSync(file, 'utf8'), session) : dossierText(dossier);
    const options = { overwrite: true, mode: 0o600, hints: { write: 'Controleer of u in de dossiermap mag schrijven, of kies met --dossiers een andere map.' } };
    await (signal ? writeFileInterruptibly(file, text, { ...options, signal }) : writeFileAtomic(file, text, options));
    return { dossier, file, created: !before };
  } finally {
    release();
  }
}

/** A new dossier file: the format version, the name, the sessions; keys in a fixed order. */
export function dossierText(dossier: Dossier): string {
  const doc = parseDocument('');
  doc.contents = doc.createNode({ format: DOSSIER_FORMAT, name: dossier.name, sessions: dossier.sessions.map(ordered) }) as never;
  doc.commentBefore = ' Dossier van methodewijzer: één initiatief, de sessies onder elkaar (docs/dossier.md).\n Geen persoonsgegevens in de notities.';
  return doc.toString({ lineWidth: 0 });
}

function appendToText(text: string, session: DossierSession): string {
  const doc = parseDocument(text);
  doc.addIn(['sessions'], doc.createNode(ordered(session)));
  return doc.toString({ lineWidth: 0 });
}

/** A session's keys in the order of the schema, whatever order it was built in. */
function ordered(s: DossierSession): DossierSession {
  return { date: s.date, answers: s.answers, over: s.over, shortlist: s.shortlist, ...(s.note ? { note: s.note } : {}) };
}

/**
 * Takes the lock: a file made with O_EXCL holding our process id. Another run holding it is waited for;
 * a lock whose process is gone, or older than LOCK_STALE_MS, was left by a killed run and is removed.
 */
async function lock(path: string, signal?: AbortSignal): Promise<() => void> {
  const start = Date.now();
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      const fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Gone already: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new FailedError(`kan het dossier niet vergrendelen (${(err as NodeJS.ErrnoException).code}); er is niets veranderd`, 'Controleer of u in de dossiermap mag schrijven.');
      }
    }
    if (abandoned(path)) {
      try {
        unlinkSync(path);
      } catch {
        // Another run removed it first.
      }
      continue;
    }
    if (signal?.aborted || Date.now() - start > LOCK_WAIT_MS) {
      throw new FailedError(
        `het dossier is bezet: ${sanitize(displayPath(path))} bestaat; de nieuwe sessie is niet opgeslagen`,
        'Loopt er nog een methodewijzer met dit dossier? Wacht tot die klaar is. Zo niet, verwijder dan het .lock-bestand.',
      );
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}

function abandoned(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Date.now() - statSync(path).mtimeMs > LOCK_STALE_MS) return true;
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false;
  }
}

/** The dossier whose name matches `name` (case and accents aside); a file name match alone is enough. */
export function findDossier(folder: string, name: string): DossierEntry | undefined {
  const slug = dossierSlug(name);
  const entries = listDossiers(folder);
  return entries.find((e) => e.file.endsWith(`/${slug}.yaml`)) ?? entries.find((e) => e.dossier && sameName(e.dossier.name, name));
}
