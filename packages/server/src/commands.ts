import { loadConfig, type ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';

/** How one `--option` of a command is read: a flag, or an option taking a value. */
export interface OptionSpec {
  /** `flag`: no value (`--dry-run`); `value`: the next word or `--name=value`. */
  kind: 'flag' | 'value';
  /** Refuse the command without it. */
  required?: boolean;
  /** The value's shape shown in the help, e.g. `<unit>`. */
  hint?: string;
  summary: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The options a command was given, by the names it declared. */
export type Options<S extends OptionSpecs> = {
  [K in keyof S]?: S[K]['kind'] extends 'flag' ? boolean : string;
};

export interface CommandArgs<S extends OptionSpecs = OptionSpecs> {
  positionals: string[];
  options: Options<S>;
}

/** A `sipas-server` sub-command. Features contribute their own in their `commands.ts`. */
export interface Command<S extends OptionSpecs = OptionSpecs> {
  summary: string;
  /** What follows the command name, e.g. `<file> --unit <unit>`; options are listed from `options`. */
  usage: string;
  options: S;
  /** Positionals the command takes, at most (default 0): anything more is a typo. */
  positionals?: number;
  /** Text printed after the options by `--help`. */
  details?: string;
  /** Returns the process exit code; -1 keeps the process running (a server). */
  run(args: CommandArgs<S>): Promise<number>;
}

export type Commands = Record<string, Command<any>>;

/** Declares a command with its option types inferred from its specs. */
export const command = <const S extends OptionSpecs>(definition: Command<S>): Command<S> => definition;

/** A refused command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The closest declared name to a typo (Levenshtein ≤ 2), for "did you mean". */
function closest(name: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const ranked = candidates.map((c) => [c, distance(name, c)] as const).sort((x, y) => x[1] - y[1]);
  return ranked[0] && ranked[0][1] <= 2 ? ranked[0][0] : undefined;
}

/**
 * Parses a command line against the command's declared options: an unknown option, a value
 * missing or given to a flag, a required option absent or a stray word stops the command
 * (a mistyped `--dryrun` must never let an import run for real).
 */
export function parseCommandArgs<S extends OptionSpecs>(argv: readonly string[], specs: S, maxPositionals = 0): CommandArgs<S> {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  const names = Object.keys(specs);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`Tùy chọn không hợp lệ "${arg}": dùng dạng --tên (unknown option "${arg}", options are --name).`);
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 2 ? arg.slice(2, equals) : arg.slice(2);
    const spec = specs[name];
    if (!spec) {
      const guess = closest(name, names);
      throw new UsageError(
        `Không có tùy chọn --${name}${guess ? ` (có phải --${guess}?)` : ''}. Unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ''}.`,
      );
    }
    if (name in options) throw new UsageError(`--${name} được cho hai lần (given twice).`);
    if (spec.kind === 'flag') {
      if (equals > 2) throw new UsageError(`--${name} không nhận giá trị (takes no value).`);
      options[name] = true;
      continue;
    }
    const value = equals > 2 ? arg.slice(equals + 1) : argv[i + 1];
    if (value === undefined || (equals <= 2 && value.startsWith('--'))) {
      throw new UsageError(`--${name} cần một giá trị ${spec.hint ?? ''} (needs a value).`.replace('  ', ' '));
    }
    if (equals <= 2) i += 1;
    options[name] = value;
  }
  if (options.help !== true) {
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.required && !(name in options)) throw new UsageError(`Thiếu --${name} ${spec.hint ?? ''} (--${name} is required).`.replace('  ', ' '));
    }
    if (positionals.length > maxPositionals) {
      throw new UsageError(`Thừa "${positionals[maxPositionals]}": lệnh này nhận ${maxPositionals} đối số (unexpected argument).`);
    }
  }
  return { positionals, options: options as Options<S> };
}

/** The `--help` text of one command: usage line, then each option. */
export function commandHelp(name: string, cmd: Command<any>): string {
  const specs = Object.entries(cmd.options as OptionSpecs).filter(([option]) => option !== 'help');
  const width = Math.max(0, ...specs.map(([option, spec]) => option.length + (spec.hint ? spec.hint.length + 1 : 0))) + 4;
  const lines = [`Cách dùng (usage): sipas-server ${name}${cmd.usage ? ` ${cmd.usage}` : ''}`, '', cmd.summary];
  if (specs.length) {
    lines.push('', 'Tùy chọn (options):');
    for (const [option, spec] of specs) {
      const left = `--${option}${spec.hint ? ` ${spec.hint}` : ''}`;
      lines.push(`  ${left.padEnd(width)}${spec.summary}${spec.required ? ' (bắt buộc / required)' : ''}`);
    }
  }
  if (cmd.details) lines.push('', cmd.details);
  return lines.join('\n');
}

/** The option every command takes. */
export const HELP: OptionSpecs = { help: { kind: 'flag', summary: 'Show this help' } };

/** The `--unit` option most commands take. */
export const UNIT: OptionSpec = { kind: 'value', required: true, hint: '<unit>', summary: 'Unit id (mã đơn vị), e.g. phuong-tan-hoa' };

/**
 * Opens the configured database, applies pending migrations, runs `work` and closes the database
 * whatever happens: what every command that touches the data does.
 */
export async function withDatabase<T>(work: (db: Database, config: ServerConfig) => Promise<T>, config = loadConfig(process.env, { logLevel: 'silent' })): Promise<T> {
  const db = await openDatabase(config.databaseUrl);
  try {
    await migrate(db);
    return await work(db, config);
  } finally {
    await db.close();
  }
}
