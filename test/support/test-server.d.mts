import type { ServerContext } from '../../packages/server/dist/src/index.js';

export interface TestServer {
  url: string;
  unit: string;
  dir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly ctx: ServerContext | undefined;
  dispose(): Promise<void>;
}

export declare function freePort(): Promise<number>;
export declare function startTestServer(options?: {
  origins?: string[];
  site?: boolean;
  env?: Record<string, string>;
}): Promise<TestServer>;
