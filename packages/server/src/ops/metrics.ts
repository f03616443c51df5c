import type { FastifyInstance } from 'fastify';
import type { Database, Queryable, SqlValue } from '../db/database.js';

/** Upper bounds (seconds) of the latency histograms: from a cached read to a slow fsync. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

class Histogram {
  readonly counts = BUCKETS.map(() => 0);
  sum = 0;
  count = 0;
  observe(seconds: number): void {
    this.sum += seconds;
    this.count += 1;
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.counts[i]! += 1;
    });
  }
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (pairs: Record<string, string>) =>
  `{${Object.entries(pairs).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;

/**
 * This process's counters, in the Prometheus text format (version 0.0.4). Labels are route
 * patterns, methods and statuses only — never a URL with an id or anything a citizen typed.
 */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly queries = new Map<string, Histogram>();
  private readonly counters = new Map<string, number>();
  transactionsInFlight = 0;

  request(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const byRoute = `${method}\u0000${route}`;
    if (!this.durations.has(byRoute)) this.durations.set(byRoute, new Histogram());
    this.durations.get(byRoute)!.observe(seconds);
    if (status >= 500) this.count('sipas_http_server_errors_total');
  }

  query(operation: string, seconds: number): void {
    if (!this.queries.has(operation)) this.queries.set(operation, new Histogram());
    this.queries.get(operation)!.observe(seconds);
  }

  count(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  render(gauges: Record<string, { help: string; value: number }> = {}): string {
    const out: string[] = [];
    out.push('# HELP sipas_http_requests_total HTTP requests answered, by route pattern and status.', '# TYPE sipas_http_requests_total counter');
    for (const [key, n] of this.requests) {
      const [method, route, status] = key.split('\u0000') as [string, string, string];
      out.push(`sipas_http_requests_total${labels({ method, route, status })} ${n}`);
    }
    out.push('# HELP sipas_http_request_duration_seconds Time to answer, by route pattern.', '# TYPE sipas_http_request_duration_seconds histogram');
    for (const [key, h] of this.durations) {
      const [method, route] = key.split('\u0000') as [string, string];
      out.push(...histogramLines('sipas_http_request_duration_seconds', { method, route }, h));
    }
    out.push('# HELP sipas_db_query_duration_seconds Database calls, by kind (all, get, run, transaction).', '# TYPE sipas_db_query_duration_seconds histogram');
    for (const [operation, h] of this.queries) out.push(...histogramLines('sipas_db_query_duration_seconds', { operation }, h));
    out.push('# HELP sipas_db_transactions_in_flight Transactions waiting for or holding the database (the write queue).', '# TYPE sipas_db_transactions_in_flight gauge');
    out.push(`sipas_db_transactions_in_flight ${this.transactionsInFlight}`);
    const known: Record<string, string> = {
      sipas_http_server_errors_total: 'Answers with a 5xx status.',
      sipas_survey_responses_stored_total: 'Survey responses stored by this process (201 answers; repeats of a stored response are not counted).',
      sipas_feedback_cases_stored_total: 'Feedback cases stored by this process.',
      sipas_rate_limited_total: 'Requests refused with 429 (rate limit).',
    };
    for (const name of Object.keys(known)) this.counters.set(name, this.counters.get(name) ?? 0);
    for (const [name, n] of this.counters) {
      out.push(`# HELP ${name} ${known[name] ?? name}`, `# TYPE ${name} counter`, `${name} ${n}`);
    }
    for (const [name, gauge] of Object.entries(gauges)) out.push(`# HELP ${name} ${gauge.help}`, `# TYPE ${name} gauge`, `${name} ${gauge.value}`);
    return `${out.join('\n')}\n`;
  }
}

function histogramLines(name: string, base: Record<string, string>, h: Histogram): string[] {
  const lines = BUCKETS.map((bound, i) => `${name}_bucket${labels({ ...base, le: String(bound) })} ${h.counts[i]}`);
  lines.push(`${name}_bucket${labels({ ...base, le: '+Inf' })} ${h.count}`);
  lines.push(`${name}_sum${labels(base)} ${h.sum.toFixed(6)}`, `${name}_count${labels(base)} ${h.count}`);
  return lines;
}

/** Times every call the application makes to the database (transactions as a whole). */
export function instrumentDatabase(db: Database, metrics: Metrics): Database {
  const timed = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await call();
    } finally {
      metrics.query(operation, (performance.now() - started) / 1000);
    }
  };
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'all' || property === 'get' || property === 'run') {
        return (sql: string, params?: readonly SqlValue[]) => timed(property, () => (value as (s: string, p?: readonly SqlValue[]) => Promise<unknown>).call(target, sql, params));
      }
      if (property === 'transaction') {
        return async (work: (tx: Queryable) => Promise<unknown>, options?: unknown) => {
          metrics.transactionsInFlight += 1;
          try {
            return await timed('transaction', () => (value as (w: typeof work, o?: unknown) => Promise<unknown>).call(target, work, options));
          } finally {
            metrics.transactionsInFlight -= 1;
          }
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/** `GET /metrics` and the per-request counters. */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, db: Database): void {
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs are one label, so a scanner cannot grow the series without bound.
    const route = request.routeOptions.url ?? '(unmatched)';
    metrics.request(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (reply.statusCode === 429) metrics.count('sipas_rate_limited_total');
    if (reply.statusCode === 201 && request.method === 'POST') {
      if (route === '/v1/surveys') metrics.count('sipas_survey_responses_stored_total');
      else if (route === '/v1/feedback') metrics.count('sipas_feedback_cases_stored_total');
    }
  });
  app.get('/metrics', async (_request, reply) => {
    const gauges: Record<string, { help: string; value: number }> = {};
    const started = performance.now();
    const row = await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM survey_responses').catch(() => undefined);
    if (row) gauges.sipas_survey_responses = { help: 'Survey responses in the database (all processes).', value: Number(row.n) };
    gauges.sipas_db_ping_seconds = { help: 'Time of the count above: a database round trip.', value: Number(((performance.now() - started) / 1000).toFixed(6)) };
    gauges.process_resident_memory_bytes = { help: 'Resident memory of this process.', value: process.memoryUsage().rss };
    gauges.process_uptime_seconds = { help: 'Seconds since this process started.', value: Math.round(process.uptime()) };
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(metrics.render(gauges));
  });
}
