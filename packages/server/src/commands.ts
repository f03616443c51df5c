/** A `sipas-server` sub-command. Features contribute their own (import-procedures, audit …). */
export interface Command {
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: CommandArgs): Promise<number>;
}

export interface CommandArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

export type Commands = Record<string, Command>;

/** Options that take no value; every other `--name` takes the next word (or `--name=value`). */
const BOOLEAN_FLAGS = new Set(['check', 'dry-run', 'help', 'list', 'no-smtp', 'replace', 'skip-invalid', 'warnings']);

export function parseCommandArgs(argv: readonly string[]): CommandArgs {
  const positionals: string[] = [];
  const options: CommandArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    if (equals > 2) {
      options[arg.slice(2, equals)] = arg.slice(equals + 1);
      continue;
    }
    const name = arg.slice(2);
    const next = argv[i + 1];
    if (!BOOLEAN_FLAGS.has(name) && next !== undefined && !next.startsWith('--')) {
      options[name] = next;
      i += 1;
    } else {
      options[name] = true;
    }
  }
  return { positionals, options };
}

