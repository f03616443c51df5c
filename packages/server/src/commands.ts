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
