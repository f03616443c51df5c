import { executeServerCommand } from '@web/test-runner-commands';

/** What the test page knows of the real server started by web-test-runner.config.mjs. */
export interface TestServerInfo {
  endpoint: string;
  unit: string;
}

declare global {
  interface Window {
    SIPAS_TEST: TestServerInfo;
  }
}

export const testServer = (): TestServerInfo => window.SIPAS_TEST;

/** Stops the real server (requests then fail as if it were down) or starts it again. */
export async function serverStop(): Promise<void> {
  await executeServerCommand('sipas-server', { action: 'stop' });
}
export async function serverStart(): Promise<void> {
  await executeServerCommand('sipas-server', { action: 'start' });
}

/** Takes the browser offline or back online, as Playwright's context.setOffline does. */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand('sipas-offline', { offline });
}

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Lays the page out as a window `width` × `height` device-independent px at browser zoom `zoom`
 * (1 = 100 %, 2 = 200 %): the layout viewport is width / zoom CSS px, devicePixelRatio is zoom.
 */
export async function zoomTo(width: number, height = 800, zoom = 1): Promise<void> {
  await executeServerCommand('sipas-zoom', { width, height, zoom });
  await frames();
}

/** Gives back the runner's own window after zoomTo. */
export async function unzoom(): Promise<void> {
  await executeServerCommand('sipas-zoom', { reset: true });
  await frames();
}

/** A full-page screenshot into $SIPAS_SCREENSHOTS/<name>.png when that is set; nothing otherwise. */
export async function screenshot(name: string): Promise<void> {
  await executeServerCommand('sipas-screenshot', { name });
}

/** Reads the test server's database (for assertions such as "stored exactly once"). */
export async function sql<Row = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<Row[]> {
  return (await executeServerCommand<Row[], { sql: string; params: unknown[] }>('sipas-sql', { sql: query, params })) ?? [];
}

/** A dossier token the test server's unit signed, as the receipt's QR code carries it. */
export async function dossierToken(dossier: string, procedure = ''): Promise<string> {
  return (await executeServerCommand<string, { dossier: string; procedure: string }>('sipas-dossier-token', { dossier, procedure }))!;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` returns a truthy value (polling), or fails after `timeout` ms with `what`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeout = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Makes this page's IndexedDB refuse everything, as private modes and some in-app browsers do
 * (stores opened earlier included); returns the function that gives it back.
 */
export function withoutIndexedDB(): () => void {
  const open = IDBFactory.prototype.open;
  const transaction = IDBDatabase.prototype.transaction;
  const refuse = () => {
    throw new DOMException('IndexedDB is not available', 'InvalidStateError');
  };
  IDBFactory.prototype.open = refuse;
  IDBDatabase.prototype.transaction = refuse;
  return () => {
    IDBFactory.prototype.open = open;
    IDBDatabase.prototype.transaction = transaction;
  };
}
