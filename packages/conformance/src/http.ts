/** One request and its answer, kept so that a failing rule can show exactly what was asked. */
export interface Exchange {
  method: string;
  path: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Longest Retry-After the kit honours before it gives up on a request (seconds). */
const LONGEST_WAIT = 65;

/**
 * A small HTTP client for the endpoint under test. It honours the contract's own rate-limit rule
 * (429 + Retry-After: wait, then send the same request again) so a strict backend is not failed
 * for limiting the kit, and it remembers every exchange for the report.
 */
export class Client {
  readonly exchanges: Exchange[] = [];

  constructor(
    readonly endpoint: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get last(): Exchange | undefined {
    return this.exchanges.at(-1);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
    const requestHeaders: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) requestHeaders['content-type'] ??= 'application/json';
    const url = new URL(path.replace(/^\//, ''), this.endpoint.endsWith('/') ? this.endpoint : `${this.endpoint}/`);
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, {
        method,
        headers: requestHeaders,
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
        redirect: 'manual',
      });
      const exchange: Exchange = {
        method,
        path,
        requestHeaders,
        requestBody: options.body,
        status: response.status,
        headers: response.headers,
        text: await response.text(),
      };
      const wait = Number(response.headers.get('retry-after'));
      if (response.status === 429 && attempt < 3 && Number.isFinite(wait) && wait > 0 && wait <= LONGEST_WAIT) {
        this.log(`  (429 on ${method} ${path}: waiting ${wait} s as Retry-After asks)`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      this.exchanges.push(exchange);
      return exchange;
    }
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, { headers });
  post = (path: string, body: unknown, headers?: Record<string, string>) => this.request('POST', path, { body, headers });
}

/** The answer's JSON, or undefined when it is not JSON. */
export function json<T = any>(exchange: Exchange): T | undefined {
  try {
    return JSON.parse(exchange.text) as T;
  } catch {
    return undefined;
  }
}

const clip = (text: string, length = 600) => (text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text);

/** A readable form of an exchange for the report: the request, then the answer. */
export function describeExchange(exchange: Exchange): string {
  const sent = Object.entries(exchange.requestHeaders)
    .filter(([name]) => name !== 'accept' && name !== 'content-type')
    .map(([name, value]) => `${name}: ${name === 'authorization' ? 'Bearer …' : value}`);
  const lines = [`${exchange.method} ${exchange.path}${sent.length ? `  [${sent.join('; ')}]` : ''}`];
  if (exchange.requestBody !== undefined) lines.push(`  body: ${clip(JSON.stringify(exchange.requestBody), 300)}`);
  const type = exchange.headers.get('content-type') ?? '—';
  lines.push(`→ ${exchange.status} ${type}${exchange.headers.get('etag') ? `  ETag ${exchange.headers.get('etag')}` : ''}`);
  if (exchange.text) lines.push(`  ${clip(exchange.text)}`);
  return lines.join('\n');
}
