/**
 * Typed errors raised by the database module. They carry enough context (which setting, which
 * command, the CLI's own output) for the edge — web start-up, `praxis db migrate` — to print one
 * clear message and pick an exit code; nothing in here decides how errors are shown.
 */

/** The database settings cannot be used (e.g. an unsupported DATABASE_URL scheme). */
export class DatabaseConfigError extends Error {
  override readonly name = 'DatabaseConfigError';
  constructor(
    message: string,
    readonly setting: 'DATABASE_URL' | 'PRAXIS_DATA_DIR',
  ) {
    super(message);
  }
}

/** Applying migrations failed; `output` is what the Prisma CLI printed (credentials redacted). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** The database could not be reached or opened (wrong URL, server down, unwritable data dir). */
export class DatabaseConnectionError extends Error {
  override readonly name = 'DatabaseConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
