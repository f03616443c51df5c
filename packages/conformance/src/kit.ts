import { describeExchange, type Client, type Exchange } from './http.js';

export type Outcome = 'pass' | 'fail' | 'n/a';

export interface RuleResult {
  id: string;
  title: string;
  outcome: Outcome;
  /** Why it failed or does not apply. */
  reason?: string;
  /** The request that failed and its answer. */
  exchange?: string;
}

export interface Options {
  endpoint: string;
  unit: string;
  kioskKey?: string;
  staff?: { username: string; password: string };
  /** Progress lines (429 waits); the report is printed from the results. */
  log?: (line: string) => void;
}

/** State the rules share: what the kit created on the backend and what it saw. */
export interface Context {
  options: Options;
  http: Client;
  /** Different on every run, so runs never collide on the same backend. */
  tag: string;
  state: Record<string, any>;
}

export interface Rule {
  id: string;
  title: string;
  run(ctx: Context): Promise<void>;
}

class Failure extends Error {
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
  }
}

class NotApplicable extends Error {}

/** Fails the rule unless `condition` holds; the report shows `exchange` (by default the last one). */
export function expect(ctx: Context, condition: unknown, message: string, exchange: Exchange | undefined = ctx.http.last): asserts condition {
  if (!condition) throw new Failure(message, exchange);
}

export function notApplicable(reason: string): never {
  throw new NotApplicable(reason);
}

/** The rule needs what an earlier rule made; without it the rule does not apply (the earlier one failed). */
export function needs<T>(value: T | undefined, what: string): T {
  if (value === undefined) notApplicable(`needs ${what}, which an earlier rule could not make`);
  return value;
}

export async function runRules(rules: readonly Rule[], ctx: Context): Promise<RuleResult[]> {
  const results: RuleResult[] = [];
  for (const rule of rules) {
    try {
      await rule.run(ctx);
      results.push({ id: rule.id, title: rule.title, outcome: 'pass' });
    } catch (error) {
      if (error instanceof NotApplicable) results.push({ id: rule.id, title: rule.title, outcome: 'n/a', reason: error.message });
      else if (error instanceof Failure)
        results.push({
          id: rule.id,
          title: rule.title,
          outcome: 'fail',
          reason: error.message,
          ...(error.exchange ? { exchange: describeExchange(error.exchange) } : {}),
        });
      else
        results.push({
          id: rule.id,
          title: rule.title,
          outcome: 'fail',
          reason: `the check could not complete: ${(error as Error).message}`,
          ...(ctx.http.last ? { exchange: describeExchange(ctx.http.last) } : {}),
        });
    }
  }
  return results;
}

/** The report: one line per rule, failures with their request, then the totals. */
export function formatReport(results: readonly RuleResult[], options: Pick<Options, 'endpoint' | 'unit'>): string {
  const mark = { pass: '✔ pass', fail: '✘ FAIL', 'n/a': '– n/a ' } as const;
  const lines = [`SIPAS conformance: ${options.endpoint} (unit ${options.unit})`, ''];
  for (const result of results) {
    lines.push(`${mark[result.outcome]}  ${result.id.padEnd(28)} ${result.title}`);
    if (result.reason) lines.push(`          ${result.outcome === 'fail' ? 'why' : 'because'}: ${result.reason}`);
    if (result.exchange) lines.push(...result.exchange.split('\n').map((line) => `          ${line}`));
  }
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('n/a')} not applicable`);
  return lines.join('\n');
}
