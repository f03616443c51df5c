// A small closed-loop HTTP load generator: N keep-alive connections, each sending its next
// request as soon as the previous one is answered, for a fixed time. Used by the ingest
// benchmark and the load and crash tests. Traffic goes to loopback only.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * @param {{ url: string, connections: number, seconds: number, body: () => object, headers?: Record<string,string>,
 *           onAnswer?: (status: number, sent: object, text: string) => void, maxRequests?: number, signal?: AbortSignal }} options
 */
export async function runLoad(options) {
  const target = new URL(options.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('load is only sent to loopback');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies = [];
  const statuses = new Map();
  let errors = 0;
  let sent = 0;
  const deadline = Date.now() + options.seconds * 1000;
  const one = (payload) =>
    new Promise((resolve) => {
      const data = JSON.stringify(payload);
      const started = process.hrtime.bigint();
      const request = http.request(
        target,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...options.headers } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            options.onAnswer?.(response.statusCode ?? 0, payload, text);
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(data);
    });
  const worker = async () => {
    while (Date.now() < deadline && !options.signal?.aborted && (options.maxRequests === undefined || sent < options.maxRequests)) {
      sent += 1;
      await one(options.body());
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    statuses: Object.fromEntries(statuses),
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    seconds: elapsed,
  };
}

/** Starts a node script as a server process and resolves once it prints `ready` (or a URL). */
export async function startProcess(args, env, readyPattern = /http:\/\/127\.0\.0\.1:\d+/) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (readyPattern.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  await ready;
  return {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await once(child, 'exit');
    },
  };
}
