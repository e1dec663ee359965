/** Exit codes, documented in the README. The only place that maps failures to numbers. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  invalidCatalogue: 3,
  interrupted: 130,
} as const;

export class AppError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  constructor(message: string, exitCode: number, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** The thing asked for is not there (unknown id, no search result). */
export class NotFoundError extends AppError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.failed, hint);
  }
}

/** The user called the CLI wrongly: bad option value, missing answer in a script. */
export class UsageError extends AppError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** An action failed for a reason outside the user's call (a file that exists, a write that failed). */
export class FailedError extends AppError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.failed, hint);
  }
}

/** Ctrl-C or a closed prompt. */
export class InterruptedError extends AppError {
  constructor() {
    super('Afgebroken.', EXIT.interrupted);
  }
}

/**
 * A positional argument a command needs after all, though commander lets it be left out (`search`
 * without words off a terminal): src/cli/program.ts has commander report it, exactly as a missing argument.
 */
export class MissingArgument extends Error {
  constructor(readonly argument: string) {
    super(`missing argument ${argument}`);
    this.name = 'MissingArgument';
  }
}
