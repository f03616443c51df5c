import type { ChildProcess } from 'node:child_process';

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p99: number;
  seconds: number;
}

export declare function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  body: () => object;
  headers?: Record<string, string>;
  onAnswer?: (status: number, sent: object, text: string) => void;
  maxRequests?: number;
  /** Stops starting new requests (in-flight ones finish or fail). */
  signal?: AbortSignal;
}): Promise<LoadResult>;

export declare function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPattern?: RegExp,
): Promise<{ child: ChildProcess; output(): string; stop(signal?: NodeJS.Signals): Promise<void> }>;
