import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HttpError, isRetryable, NetworkError, requestJson } from '../client.js';
import {
  deliveredEntries,
  enqueue,
  forgetDelivered,
  forgetRejected,
  OUTBOX_DELIVERED,
  OUTBOX_REJECTED,
  pendingEntries,
  rejectedEntries,
  startOutbox,
  type Kept,
  type OutboxDelivered,
  type OutboxEntry,
  type OutboxKind,
  type OutboxRejected,
  type Refusal,
  toRefusal,
} from '../outbox.js';

export type { Refusal };

/**
 * Where a submission that could not be sent waits: `device` (the IndexedDB outbox: sent from any
 * page with the script, even after the tab is closed) or `page` (no storage in this browser:
 * sent only while this page stays open).
 */
export type { Kept };

/** Said when a submission could not be sent and this browser cannot keep it on the device (`Kept` is `page`). */
export const keepPageOpen = (): string =>
  msg('Trình duyệt này không cho lưu trên máy: xin giữ trang này mở, nội dung sẽ tự gửi khi có mạng.', { id: 'common.keepPageOpen' });

/** `now`: answered to this send; `later`: delivered or refused after waiting (this visit or an earlier one). */
export type When = 'now' | 'later';

export interface SubmissionHandlers<Body, Receipt> {
  delivered(body: Body, receipt: Receipt, when: When): void;
  queued(body: Body, kept: Kept): void;
  refused(body: Body, refusal: Refusal, when: When): void;
}

export interface SubmissionOptions<Body> {
  kind: OutboxKind;
  /** Whether a stored submission belongs to this element (e.g. the same unit); all of its kind by default. */
  mine?: (body: Body) => boolean;
}

type Phase = 'idle' | 'sending' | 'queued' | 'delivered' | 'refused';

/**
 * Sending, once for every element: POST; on a failure that may pass (offline, timeout, 5xx, 429)
 * keep the submission in the outbox — on the device, or without IndexedDB in this page — which
 * sends it again (honouring Retry-After); reconcile what the outbox later delivers or the server refuses, also
 * across tabs; and on the next visit show the receipt of a submission delivered meanwhile.
 * The element gets typed callbacks and fires its own public events from them.
 */
export class SubmissionController<Body extends { id: string }, Receipt> implements ReactiveController {
  phase: Phase = 'idle';
  /** The submission being sent, waiting or just answered. */
  body: Body | undefined;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _options: SubmissionOptions<Body>,
    private readonly _handlers: SubmissionHandlers<Body, Receipt>,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    // Delivery and refusal in other tabs reach this element through the outbox's channel.
    startOutbox();
    for (const type of [OUTBOX_DELIVERED, OUTBOX_REJECTED]) addEventListener(type, this._onSettled);
  }

  hostDisconnected(): void {
    for (const type of [OUTBOX_DELIVERED, OUTBOX_REJECTED]) removeEventListener(type, this._onSettled);
  }

  get sending(): boolean {
    return this.phase === 'sending';
  }

  private _set(phase: Phase, body: Body | undefined): void {
    this.phase = phase;
    this.body = body;
    this._host.requestUpdate();
  }

  /** This element's entries among the outbox's: its kind, and `mine` (e.g. the same unit). */
  private _ours<E extends { entry: OutboxEntry } | OutboxEntry>(list: E[]): E[] {
    return list.filter((item) => {
      const entry: OutboxEntry = 'entry' in item ? item.entry : item;
      return entry.kind === this._options.kind && (!this._options.mine || this._options.mine(entry.body as Body));
    });
  }

  /**
   * What this element left behind on an earlier visit: one the server refused (given back to the
   * element), one delivered meanwhile (its receipt), or one still waiting (queued).
   * `pending: false` leaves a waiting one to the outbox and the form free for a new one.
   */
  async restore(options: { pending?: boolean } = {}): Promise<void> {
    try {
      for (const refusal of this._ours(await rejectedEntries())) {
        await forgetRejected(refusal.entry.id);
        this._outcome(refusal, 'later');
      }
      const delivered = this._ours(await deliveredEntries()).at(-1);
      if (delivered && this.phase === 'idle') this._outcome(delivered, 'later');
      const waiting = options.pending === false ? undefined : this._ours(await pendingEntries()).at(-1);
      if (waiting && this.phase === 'idle') {
        this._set('queued', waiting.body as Body);
        this._handlers.queued(waiting.body as Body, 'device');
      }
    } catch {
      // No IndexedDB: nothing can have been left behind.
    }
  }

  /** Sends `body` to `url` once; the outcome reaches the handlers (now, or later from the outbox). */
  async send(url: string | undefined, body: Body, headers?: Record<string, string>): Promise<void> {
    if (this.phase === 'sending') return;
    await this.acknowledge();
    this._set('sending', body);
    if (!url) return this._refuse(body, { status: 0, title: 'no endpoint' }, 'now');
    try {
      if (!navigator.onLine) throw new NetworkError('offline');
      const response = await requestJson<Receipt>(url, { method: 'POST', body, ...(headers ? { headers } : {}) });
      this._deliver(body, response.data as Receipt, 'now');
    } catch (error) {
      if (!isRetryable(error)) return this._refuse(body, toRefusal(error), 'now');
      const retryAfter = error instanceof HttpError ? error.retryAfter : undefined;
      const kept = await enqueue({ id: body.id, kind: this._options.kind, url, body, ...(headers ? { headers } : {}) }, String((error as Error).message), retryAfter);
      // The outbox sends it again on `online`, when the page is shown again and on a timer.
      startOutbox();
      this._set('queued', body);
      this._handlers.queued(body, kept);
    }
  }

  /** The citizen has seen the outcome (a receipt restored from an earlier visit included): forget it and start afresh. */
  async acknowledge(): Promise<void> {
    const body = this.body;
    if (this.phase !== 'sending') this._set('idle', undefined);
    if (body) await forgetDelivered(body.id).catch(() => undefined);
  }

  private _deliver(body: Body, receipt: Receipt, when: When): void {
    this._set('delivered', body);
    this._handlers.delivered(body, receipt, when);
  }

  private _refuse(body: Body, refusal: Refusal, when: When): void {
    this._set('refused', body);
    this._handlers.refused(body, refusal, when);
  }

  /** What the outbox did with a waiting entry: delivered it (with the server's answer) or had it refused. */
  private _outcome(settled: OutboxDelivered | OutboxRejected, when: When): void {
    const body = settled.entry.body as Body;
    if ('title' in settled) this._refuse(body, settled, when);
    else this._deliver(body, settled.data as Receipt, when);
  }

  /** The outbox (of this tab or another) settled the entry this element shows as waiting. */
  private readonly _onSettled = (event: Event) => {
    const settled = (event as CustomEvent<OutboxDelivered | OutboxRejected>).detail;
    if (settled.entry.id !== this.body?.id || this.phase !== 'queued') return;
    // Shown now, to the citizen who sent it: nothing to keep for a next visit.
    void ('title' in settled ? forgetRejected : forgetDelivered)(settled.entry.id).catch(() => undefined);
    this._outcome(settled, 'later');
  };
}
