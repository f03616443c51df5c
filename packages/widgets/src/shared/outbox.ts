import type { Problem } from '@sipas/schema';
import { createStore, del, set, values, type Store } from './idb.js';
import { HttpError, isRetryable, requestJson } from './client.js';
import { queue } from './outbox-queue.js';

/**
 * The offline outbox: payloads that could not be delivered yet wait in IndexedDB and are sent
 * again with exponential backoff and jitter, when the browser comes back online, and on the next
 * load of any page that has the script. Every payload carries its client UUID, so a repeat is
 * harmless on the server; a Web Lock keeps two open tabs from sending the same entry at once.
 * Without IndexedDB (private modes, some in-app browsers) entries wait in this page instead and
 * are sent the same way while it stays open.
 */
export type OutboxKind = 'survey' | 'feedback';

export interface OutboxEntry {
  /** The payload's client UUID; also the key. */
  id: string;
  kind: OutboxKind;
  /** Absolute API URL to POST to. */
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

export interface OutboxDelivered {
  entry: OutboxEntry;
  status: number;
  data: unknown;
}

/** A refusal (see Refusal below) with the entry it refuses. */
export interface OutboxRejected extends Refusal {
  entry: OutboxEntry;
}

/** Why the server will not take a submission; `status` 0 when nothing answered (no endpoint). */
export interface Refusal {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  problem?: Problem;
}

/** A final failure as a refusal: the server's problem when it sent one, else the error's message. */
export function toRefusal(source: unknown): Refusal {
  if (source instanceof HttpError) {
    const problem = source.problem;
    return {
      status: source.status,
      title: problem?.title ?? source.message,
      ...(problem?.detail ? { detail: problem.detail } : {}),
      ...(problem?.code ? { code: problem.code } : {}),
      ...(problem ? { problem } : {}),
    };
  }
  return { status: 0, title: String((source as Error)?.message ?? source) };
}

/** Fired on `window` (and relayed to other tabs) when a queued entry is delivered or finally refused. */
export const OUTBOX_DELIVERED = 'sipas-outbox-delivered';
export const OUTBOX_REJECTED = 'sipas-outbox-rejected';

const rejected = createStore('sipas-outbox-rejected', 'entries');
/** Receipts of queued entries delivered while no element of theirs was there to show them. */
const delivered = createStore('sipas-outbox-delivered', 'entries');

/** Entries waiting in this page because IndexedDB refused them. */
const inPage = new Map<string, OutboxEntry>();

/** Where an entry waits: on the device (IndexedDB), or in this page only. */
export type Kept = 'device' | 'page';

/** A delivered receipt is kept this long for its element to show on the next visit. */
const RECEIPT_KEPT_MS = 30 * 86_400_000;

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes, each between half and all of it. */
export function backoffDelay(attempts: number, retryAfterSeconds?: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

let channel: BroadcastChannel | undefined;
function broadcast(type: string, detail: unknown): void {
  window.dispatchEvent(new CustomEvent(type, { detail }));
  channel?.postMessage({ type, detail });
}

/** Keeps a payload until it is delivered. Safe to call again for the same id. */
export async function enqueue(
  entry: Pick<OutboxEntry, 'id' | 'kind' | 'url' | 'body' | 'headers'>,
  lastError?: string,
  retryAfterSeconds?: number,
): Promise<Kept> {
  const stored: OutboxEntry = {
    ...entry,
    createdAt: Date.now(),
    attempts: 1,
    nextAttemptAt: Date.now() + backoffDelay(1, retryAfterSeconds),
    ...(lastError ? { lastError } : {}),
  };
  let kept: Kept = 'device';
  try {
    await set(entry.id, stored, queue);
  } catch {
    inPage.set(entry.id, stored);
    kept = 'page';
  }
  scheduleFlush();
  return kept;
}

/** Saves an entry's new state where it waits. */
async function keep(entry: OutboxEntry): Promise<void> {
  if (inPage.has(entry.id)) inPage.set(entry.id, entry);
  else await set(entry.id, entry, queue);
}

/** Takes an entry out of the queue, wherever it waits; `shelf` keeps what became of it (best effort). */
async function settle(entry: OutboxEntry, shelf: Store, value: unknown): Promise<void> {
  try {
    await set(entry.id, value, shelf);
  } catch {
    // Without storage the outcome is only told to this page (the broadcast below).
  }
  if (!inPage.delete(entry.id)) await del(entry.id, queue);
}

/** Entries still waiting, oldest first. */
export async function pendingEntries(kind?: OutboxKind): Promise<OutboxEntry[]> {
  // Without IndexedDB only what waits in this page.
  const stored = await values<OutboxEntry>(queue).catch(() => []);
  return [...stored, ...inPage.values()].filter((entry) => !kind || entry.kind === kind).sort((a, b) => a.createdAt - b.createdAt);
}

/** Entries the server refused for good after they were queued, for an honest message later. */
export const rejectedEntries = () => values<OutboxRejected>(rejected);

export const forgetRejected = async (id: string) => del(id, rejected);

/** Receipts of entries delivered from the outbox, oldest first, until their element showed them (for 30 days). */
export const deliveredEntries = async () =>
  (await values<OutboxDelivered & { deliveredAt: number }>(delivered)).filter((item) => item.deliveredAt > Date.now() - RECEIPT_KEPT_MS).sort((a, b) => a.deliveredAt - b.deliveredAt);

export const forgetDelivered = async (id: string) => del(id, delivered);

async function deliver(entry: OutboxEntry): Promise<void> {
  try {
    const response = await requestJson<unknown>(entry.url, {
      method: 'POST',
      body: entry.body,
      ...(entry.headers ? { headers: entry.headers } : {}),
    });
    const receipt: OutboxDelivered = { entry, status: response.status, data: response.data };
    await settle(entry, delivered, { ...receipt, deliveredAt: Date.now() });
    broadcast(OUTBOX_DELIVERED, receipt);
  } catch (error) {
    if (isRetryable(error)) {
      const attempts = entry.attempts + 1;
      const retryAfter = error instanceof HttpError ? error.retryAfter : undefined;
      await keep({ ...entry, attempts, nextAttemptAt: Date.now() + backoffDelay(attempts, retryAfter), lastError: String((error as Error).message) });
      return;
    }
    const refusal: OutboxRejected = { entry, ...toRefusal(error) };
    await settle(entry, rejected, refusal);
    broadcast(OUTBOX_REJECTED, refusal);
  }
}

let flushing: Promise<void> | undefined;
let forceAgain = false;

/**
 * Sends every entry that is due (or all of them with `force`, e.g. when the browser comes back
 * online). Only one tab flushes at a time; the others find the lock taken and leave it.
 */
export function flushOutbox(options: { force?: boolean } = {}): Promise<void> {
  if (flushing) {
    // Coming back online while a timed flush is still failing must not wait for the next backoff.
    if (options.force) forceAgain = true;
    return flushing;
  }
  flushing = (async () => {
    const run = async () => {
      const now = Date.now();
      for (const entry of await pendingEntries()) {
        if (options.force || entry.nextAttemptAt <= now) await deliver(entry);
      }
    };
    try {
      if (navigator.locks) await navigator.locks.request('sipas-outbox', { ifAvailable: true }, async (lock) => lock && run());
      else await run();
    } finally {
      flushing = undefined;
      if (forceAgain) {
        forceAgain = false;
        void flushOutbox({ force: true });
      } else scheduleFlush();
    }
  })();
  return flushing;
}

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleFlush(): void {
  void pendingEntries().then((waiting) => {
    clearTimeout(timer);
    const next = Math.min(...waiting.map((entry) => entry.nextAttemptAt));
    if (Number.isFinite(next)) timer = setTimeout(() => void flushOutbox(), Math.max(250, next - Date.now()));
  });
}

let started = false;
/**
 * Starts delivering on this page: a second after it starts (not at once: opening the outbox's
 * database as an element starts delayed its first screen, ~40 ms of a slow phone's main thread,
 * docs/performance.md), on `online`, when the page is shown again, and on a timer.
 */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('sipas-outbox');
    channel.onmessage = (event: MessageEvent<{ type: string; detail: unknown }>) =>
      window.dispatchEvent(new CustomEvent(event.data.type, { detail: event.data.detail }));
  }
  window.addEventListener('online', () => void flushOutbox({ force: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void flushOutbox();
  });
  setTimeout(() => void flushOutbox({ force: true }), 1000);
}
