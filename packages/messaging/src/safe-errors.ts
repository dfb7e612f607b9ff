/**
 * What may be said about an error without repeating a value from it. A database error's message, `detail`, `hint`,
 * `where`, query and parameters can hold the statement's values (a person's id, a note, a whole failing row), so
 * only its class, SQLSTATE code and the names of the constraint, table, column and type are kept; its stack keeps
 * the frames, never the first line (which repeats the message).
 */
export interface SafeError {
  type: string;
  code?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  /** Only for errors that are not database errors (a broker timeout, a bug): those messages are ours or a library's. */
  message?: string;
  /** The frames only ("at …" lines). */
  stack?: string;
  cause?: SafeError;
}

type ErrorLike = Error & Record<string, unknown>;

const NAMES_KEPT = [
  ['constraint_name', 'constraint'],
  ['schema_name', 'schema'],
  ['table_name', 'table'],
  ['column_name', 'column'],
  ['data_type_name', 'dataType'],
] as const;

/** Structured, for logs (the pino `err` serializer). Non-errors are described by their type only. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: error === null ? 'null' : typeof error };
  const err = error as ErrorLike;
  const described: SafeError = { type: errorClass(err) };
  if (typeof err.code === 'string' || typeof err.code === 'number') described.code = String(err.code);
  const fromDatabase = isDatabaseError(err);
  if (fromDatabase) {
    for (const [field, name] of NAMES_KEPT) {
      if (typeof err[field] === 'string') described[name] = err[field];
    }
  } else {
    described.message = err.message;
  }
  const frames = stackFrames(err.stack);
  if (frames) described.stack = frames;
  if (err.cause !== undefined && depth < 3) described.cause = safeError(err.cause, depth + 1);
  return described;
}

/**
 * One line, for a dead letter's header (or any other place copied beyond our logs): class, code and constraint,
 * table and column names, never a message, e.g. `DrizzleQueryError <- PostgresError 23505 constraint=people_pkey`.
 */
export function safeErrorDescription(error: unknown): string {
  const parts: string[] = [];
  let current: SafeError | undefined = safeError(error);
  while (current) {
    const names = NAMES_KEPT.map(([, name]) => name)
      .filter((name) => current?.[name] !== undefined)
      .map((name) => `${name}=${current?.[name]}`);
    parts.push([current.type, current.code, ...names].filter(Boolean).join(' '));
    current = current.cause;
  }
  return parts.join(' <- ');
}

function errorClass(err: ErrorLike): string {
  const className = err.constructor?.name;
  return className && className !== 'Error' ? className : typeof err.name === 'string' ? err.name : 'Error';
}

/** postgres.js's server errors, drizzle's query wrapper, and any error carrying a query or its parameters. */
function isDatabaseError(err: ErrorLike): boolean {
  if (errorClass(err) === 'PostgresError' || errorClass(err) === 'DrizzleQueryError') return true;
  return ['query', 'parameters', 'params', 'detail', 'severity'].some((field) => Object.hasOwn(err, field));
}

function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}
