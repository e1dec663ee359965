// The ACTIE questionnaire as one prompt, so that every step can go back, every key either does what the
// line at the bottom says or nothing, and a resized terminal gets the whole screen drawn anew.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, useState, type KeypressEvent } from '@inquirer/core';
import type { ChalkInstance } from 'chalk';
import { columnsOf, sanitize, wrap } from '../text/terminal.js';

export interface Choice {
  value: string;
  name: string;
  /** Shown under the list while the cursor is on this choice. */
  description?: string;
}

export interface Question {
  /** The answer's key: an element or a context question. */
  key: string;
  /** Short label for the line that shows the answer once given ("Animo"). */
  label: string;
  message: string;
  help?: string;
  /** The answers to choose from; none for a question answered in words. */
  choices: Choice[];
  /** Answered in words instead of by a choice; Enter without text skips it (the answer is then ''). */
  text?: { hint: string };
}

export interface QuestionnaireConfig {
  /** Every question the overview lists, in order. */
  questions: Question[];
  /** The questions asked one by one, by key; the others were answered beforehand and only the overview offers them. */
  ask: string[];
  /** Answers known beforehand, and the answer each question starts on. */
  answers: Record<string, string>;
  /** The overview, built from the answers so far: one row per question, plus the choice that ends the questionnaire. */
  review: (answers: Record<string, string>) => { message: string; done: Choice; rows: Choice[] };
  style: ChalkInstance;
  /** The output stream, to hear of a resize and read its size. */
  terminal: { columns?: number; rows?: number; on?: (event: 'resize', fn: () => void) => unknown; off?: (event: 'resize', fn: () => void) => unknown; write(s: string): unknown };
}

const REVIEW = -1;

/** Key help for the bottom line; shown as it is, so what it says and what the keys do cannot drift apart. */
const KEYS_HELP = { move: '↑↓ kiezen', type: 'typ uw antwoord', confirm: '⏎ bevestigen', back: '← vorige vraag', stop: 'Ctrl-C stoppen' };

export const questionnaire = createPrompt<Record<string, string>, QuestionnaireConfig>((config, done) => {
  const { questions, style, terminal } = config;
  const asked = (i: number) => config.ask.includes(questions[i].key);
  const indices = questions.map((_, i) => i).filter(asked);
  const firstOpen = indices.length ? indices[0] : REVIEW;
  const [answers, setAnswers] = useState<Record<string, string>>({ ...config.answers });
  // The step on screen: a question's index, or REVIEW. `fromReview`: a question chosen in the overview returns there.
  const [step, setStep] = useState<{ at: number; fromReview: boolean }>({ at: firstOpen, fromReview: false });
  const [cursor, setCursor] = useState(() => initialCursor(questions, answers, step.at));
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  // What is typed at a question answered in words; readline keeps the line, this keeps what is shown.
  const [draft, setDraft] = useState('');
  const [, setSize] = useState({ columns: terminal.columns, rows: terminal.rows });

  useEffect(() => {
    // A smaller window reflows what is on it, so the prompt cannot know which lines to erase: clear and redraw.
    const redraw = () => {
      terminal.write('\u001b[H\u001b[2J');
      setSize({ columns: terminal.columns, rows: terminal.rows });
    };
    terminal.on?.('resize', redraw);
    return () => void terminal.off?.('resize', redraw);
  }, []);

  const review = config.review(answers);
  const choices = step.at === REVIEW ? [review.done, ...review.rows] : questions[step.at].choices;

  const go = (at: number, fromReview: boolean, given = answers, rl?: { line: string; clearLine: (dir: 0) => void; write: (s: string) => void }) => {
    setStep({ at, fromReview });
    setCursor(initialCursor(questions, given, at));
    // A question in words starts on the answer given before, and nothing typed at earlier questions leaks in.
    if (rl) {
      rl.clearLine(0);
      const text = at !== REVIEW && questions[at].text ? (given[questions[at].key] ?? '') : '';
      if (text) rl.write(text);
      setDraft(text);
    }
  };
  const before = (at: number) => indices.filter((i) => at === REVIEW || i < at).at(-1);
  const after = (at: number) => indices.find((i) => i > at) ?? REVIEW;

  useKeypress((key: KeypressEvent, rl) => {
    if (status === 'done') return;
    const inWords = step.at !== REVIEW && questions[step.at].text !== undefined;
    const previous = () => {
      if (step.fromReview) return go(REVIEW, false, answers, rl);
      const at = before(step.at);
      if (at !== undefined) go(at, false, answers, rl);
    };
    if (inWords) {
      // Backspace deletes what is typed; on an empty line it goes back, as ← always does.
      if (key.name === 'left' || (key.name === 'backspace' && draft === '')) return previous();
      if (isEnterKey(key)) {
        const next = { ...answers, [questions[step.at].key]: draft.trim() };
        setAnswers(next);
        return go(step.fromReview ? REVIEW : after(step.at), false, next, rl);
      }
      return setDraft(rl.line);
    }
    if (isUpKey(key)) setCursor(Math.max(0, cursor - 1));
    else if (isDownKey(key)) setCursor(Math.min(choices.length - 1, cursor + 1));
    else if (key.name === 'left' || key.name === 'backspace') previous();
    else if (isEnterKey(key)) {
      const choice = choices[cursor];
      if (step.at === REVIEW) {
        if (choice.value === review.done.value) {
          setStatus('done');
          return done(answers);
        }
        return go(questions.findIndex((q) => q.key === choice.value), true, answers, rl);
      }
      const next = { ...answers, [questions[step.at].key]: choice.value };
      setAnswers(next);
      go(step.fromReview ? REVIEW : after(step.at), false, next, rl);
    }
    // Any other key does nothing: it neither moves nor picks.
  });

  const columns = Math.max(20, columnsOf(terminal) - 1);
  if (status === 'done') return `${style.green('✔')} ${style.bold('Antwoorden compleet')}`;

  const lines: string[] = [];
  const title = step.at === REVIEW ? review.message : questions[step.at].message;
  lines.push(...hanging(`${style.blue('?')} `, sanitize(title), columns, style.bold));
  const help = step.at === REVIEW ? undefined : questions[step.at].help;
  const helpLines = help ? wrap(sanitize(help), columns, '  ').split('\n').map((l) => style.dim(l)) : [];
  const inWords = step.at !== REVIEW ? questions[step.at].text : undefined;
  const list = inWords
    ? [...hanging(style.cyan('❯ '), sanitize(draft) || ' ', columns, style.cyan), ...wrap(inWords.hint, columns, '  ').split('\n').map((l) => style.dim(l))]
    : choices.flatMap((c, i) => {
        const mark = i === cursor ? style.cyan('❯ ') : '  ';
        return hanging(mark, sanitize(c.name), columns, i === cursor ? style.cyan : (s: string) => s);
      });
  const description = inWords ? undefined : choices[cursor]?.description;
  const descLines = description ? wrap(sanitize(description), columns, '  ').split('\n').map((l) => style.italic(l)) : [];
  const canGoBack = step.fromReview || before(step.at) !== undefined;
  const keys = [...(inWords ? [KEYS_HELP.type] : [KEYS_HELP.move]), KEYS_HELP.confirm, ...(canGoBack ? [KEYS_HELP.back] : []), KEYS_HELP.stop];
  const keyLines = wrap(keys.join(' • '), columns).split('\n').map((l) => style.dim(l));

  // What was answered before this question, most recent last, as room allows; answers given as options
  // are shown from the first question on, so the person sees what the command line already said.
  const history =
    step.at === REVIEW
      ? []
      : questions
          .filter((_, i) => i !== step.at && (!asked(i) || i < step.at))
          .flatMap((q) => {
            const given = answerText(q, answers[q.key]);
            return wrap(`✔ ${q.label}: ${sanitize(given)}`, columns).split('\n').map((l) => style.dim(l));
          });

  // Never taller than the window: a prompt that scrolls cannot erase its own top. History goes first, then the help.
  const room = Math.max(1, (terminal.rows || 24) - 1);
  const fixed = lines.length + list.length + keyLines.length + 1;
  let spare = room - fixed;
  const keepDesc = descLines.length + 1 <= spare ? descLines : [];
  spare -= keepDesc.length ? keepDesc.length + 1 : 0;
  const keepHelp = helpLines.length <= spare ? helpLines : [];
  spare -= keepHelp.length;
  const keepHistory = spare > 0 ? history.slice(-spare) : [];

  return [...keepHistory, ...lines, ...keepHelp, ...list, ...(keepDesc.length ? ['', ...keepDesc] : []), '', ...keyLines].join('\n') + '\u001b[?25l';
});

/** An answer as the person reads it: the name of the choice, or the words typed (or that nothing was). */
export function answerText(q: Question, value: string | undefined): string {
  if (q.text) return value ? value : 'niet gegeven';
  return q.choices.find((c) => c.value === value)?.name ?? value ?? '-';
}

function initialCursor(questions: Question[], answers: Record<string, string>, at: number): number {
  if (at === REVIEW || questions[at].text) return 0;
  const i = questions[at].choices.findIndex((c) => c.value === answers[questions[at].key]);
  return Math.max(0, i);
}

/** Wraps `text` after a two-column `mark`, the following lines indented as far. */
function hanging(mark: string, text: string, columns: number, paint: (s: string) => string): string[] {
  const indent = '  ';
  return wrap(text, columns, indent)
    .split('\n')
    .map((line, i) => (i === 0 ? mark + paint(line.slice(indent.length)) : paint(line)));
}
