import {
  foldForSearch,
  addDays,
  vietnamDayStart,
  type FeedbackAction,
  type FeedbackCase,
  type FeedbackCaseSummary,
  type FeedbackLookup,
  type FeedbackReceipt,
  type FeedbackStatus,
  type FeedbackSubmission,
  type FeedbackTopic,
} from '@sipas/schema';
import { UniqueViolation, type Database, type Queryable, type SqlValue } from '../db/database.js';
import { newTrackingCode, phoneTail, randomUnambiguous, sameSecret, sha256 } from './codes.js';
import type { Actor } from '../context.js';
import { feedbackCanonical, OPEN, SENDER, TRANSITIONS } from './lifecycle.js';
import { lookupView, publicView, staffCaseView, summary } from './views.js';

export interface CaseRow {
  id: string;
  tracking_code: string;
  unit: string;
  topic: FeedbackTopic;
  procedure_code: string | null;
  title: string;
  content: string;
  sender_name: string;
  sender_address: string;
  sender_phone: string;
  sender_email: string | null;
  phone_tail: string;
  secret_hash: string;
  consent_version: string;
  consent_text: string;
  consent_at: string;
  body_hash: string;
  status: FeedbackStatus;
  received_at: string;
  due_on: string;
  routed_to: string | null;
  answer: string | null;
  answered_at: string | null;
  public_title: string | null;
  public_content: string | null;
  public_answer: string | null;
  published_at: string | null;
  search_text: string | null;
  emailed_at: string | null;
  /** Wrong phone-digit lookups so far; at PHONE_TRIES only the secret opens the case. */
  phone_failures: number;
  updated_at: string;
}

export interface EventRow {
  n: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: FeedbackStatus | null;
  to_status: FeedbackStatus | null;
  detail: string | null;
}

/** Wrong "last four phone digits" a case tolerates before only its secret opens it. */
export const PHONE_TRIES = 5;

export type LookupOutcome = { kind: 'found'; view: FeedbackLookup } | { kind: 'none' } | { kind: 'phone-locked' };

export type SubmitOutcome =
  | { kind: 'created'; receipt: FeedbackReceipt; row: CaseRow }
  | { kind: 'repeat'; receipt: FeedbackReceipt }
  | { kind: 'conflict' };

export class FeedbackStore {
  constructor(private readonly db: Database) {}

  async byId(id: string): Promise<CaseRow | undefined> {
    return this.db.get<CaseRow>('SELECT * FROM feedback_cases WHERE id = ?', [id]);
  }

  async byCode(code: string): Promise<CaseRow | undefined> {
    return this.db.get<CaseRow>('SELECT * FROM feedback_cases WHERE tracking_code = ?', [code]);
  }

  private receipt(row: CaseRow, secret?: string): FeedbackReceipt {
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      ...(secret ? { secret } : {}),
      receivedAt: row.received_at,
      dueOn: row.due_on,
    };
  }

  /**
   * Stores a validated submission exactly once. A resend of the same body returns the first
   * tracking code; the same id with another body is refused.
   */
  async submit(submission: FeedbackSubmission, dueOn: (receivedAt: string) => string): Promise<SubmitOutcome> {
    const canonical = feedbackCanonical(submission);
    const bodyHash = sha256(canonical);
    const compare = (row: CaseRow): SubmitOutcome =>
      row.body_hash === bodyHash ? { kind: 'repeat', receipt: this.receipt(row, submission.secret) } : { kind: 'conflict' };
    const found = await this.byId(submission.id);
    if (found) return compare(found);

    const secret = submission.secret ?? randomUnambiguous(10);
    const receivedAt = new Date().toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const row: CaseRow = {
        id: submission.id,
        tracking_code: newTrackingCode(),
        unit: submission.unit,
        topic: submission.topic,
        procedure_code: submission.topic === 'procedure' ? (submission.procedureCode || null) : null,
        title: submission.title,
        content: submission.content,
        sender_name: submission.sender.name,
        sender_address: submission.sender.address,
        sender_phone: submission.sender.phone,
        sender_email: submission.sender.email || null,
        phone_tail: phoneTail(submission.sender.phone),
        secret_hash: sha256(secret),
        consent_version: submission.consent.textVersion,
        consent_text: submission.consent.text,
        consent_at: receivedAt,
        body_hash: bodyHash,
        status: 'received',
        received_at: receivedAt,
        due_on: dueOn(receivedAt),
        routed_to: null,
        answer: null,
        answered_at: null,
        public_title: null,
        public_content: null,
        public_answer: null,
        published_at: null,
        search_text: null,
        emailed_at: null,
        phone_failures: 0,
        updated_at: receivedAt,
      };
      try {
        await this.db.transaction(async (tx) => {
          const columns = Object.keys(row);
          await tx.run(
            `INSERT INTO feedback_cases (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            Object.values(row) as SqlValue[],
          );
          await this.audit(tx, row.id, SENDER, 'received', null, 'received', `Hạn trả lời: ${row.due_on}`, receivedAt);
        });
        return { kind: 'created', receipt: this.receipt(row, secret), row };
      } catch (error) {
        if (!(error instanceof UniqueViolation)) throw error;
        const raced = await this.byId(submission.id);
        if (raced) return compare(raced);
        // Otherwise the tracking code was taken: draw another.
      }
    }
    throw new Error('could not draw a free tracking code');
  }

  private async audit(
    tx: Queryable,
    caseId: string,
    actor: Actor,
    action: string,
    fromStatus: FeedbackStatus | null,
    toStatus: FeedbackStatus | null,
    detail: string | null,
    at = new Date().toISOString(),
  ): Promise<void> {
    const last = await tx.get<{ n: number | null }>('SELECT MAX(n) AS n FROM feedback_events WHERE case_id = ?', [caseId]);
    await tx.run(
      'INSERT INTO feedback_events (case_id, n, at, actor_id, actor_name, action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [caseId, Number(last?.n ?? 0) + 1, at, actor.id, actor.name, action, fromStatus, toStatus, detail],
    );
  }

  /** Records something that happened to a case without changing it (an email sent …). */
  async record(caseId: string, actor: Actor, action: string, detail: string, changes: Partial<CaseRow> = {}): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const [column, value] of Object.entries(changes)) {
        await tx.run(`UPDATE feedback_cases SET ${column} = ? WHERE id = ?`, [value as SqlValue, caseId]);
      }
      await this.audit(tx, caseId, actor, action, null, null, detail);
    });
  }

  async events(caseId: string): Promise<EventRow[]> {
    return this.db.all<EventRow>('SELECT * FROM feedback_events WHERE case_id = ? ORDER BY n', [caseId]);
  }

  /**
   * The case if the secret or the phone's last four digits match; `none` otherwise, alike for a
   * wrong code and a wrong proof. Four digits are only 10⁴ guesses, so each case allows
   * PHONE_TRIES of them in all, from any address: a try is taken (compare-and-set) before the
   * digits are compared and given back when they match; once they are used up, only the secret
   * (≈ 29¹⁰ possibilities) opens the case.
   */
  async lookup(code: string, proof: { secret?: string; phone?: string }, today: string): Promise<LookupOutcome> {
    const row = await this.byCode(code);
    if (!row) return { kind: 'none' };
    if (proof.secret && sameSecret(proof.secret.toUpperCase(), row.secret_hash)) {
      return { kind: 'found', view: lookupView(row, await this.events(row.id), today) };
    }
    if (!proof.phone) return { kind: 'none' };
    const taken = await this.db.run('UPDATE feedback_cases SET phone_failures = phone_failures + 1 WHERE id = ? AND phone_failures < ?', [
      row.id,
      PHONE_TRIES,
    ]);
    if (taken.changes === 0) return { kind: 'phone-locked' };
    if (proof.phone !== row.phone_tail) return { kind: 'none' };
    await this.db.run('UPDATE feedback_cases SET phone_failures = phone_failures - 1 WHERE id = ?', [row.id]);
    return { kind: 'found', view: lookupView(row, await this.events(row.id), today) };
  }

  /** Published answers of a unit, newest first; every search word must match (folded). */
  async published(unit: string, options: { q?: string; topic?: FeedbackTopic; offset: number; limit: number }) {
    const where = ['unit = ?', "status = 'published'"];
    const params: SqlValue[] = [unit];
    if (options.topic) {
      where.push('topic = ?');
      params.push(options.topic);
    }
    for (const word of foldForSearch(options.q ?? '').split(' ').filter(Boolean).slice(0, 8)) {
      where.push('search_text LIKE ?');
      params.push(`%${word}%`);
    }
    const total = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM feedback_cases WHERE ${where.join(' AND ')}`, params);
    const rows = await this.db.all<CaseRow>(
      `SELECT * FROM feedback_cases WHERE ${where.join(' AND ')} ORDER BY published_at DESC, tracking_code LIMIT ? OFFSET ?`,
      [...params, options.limit, options.offset],
    );
    return { total: Number(total?.n ?? 0), items: rows.map(publicView) };
  }

  async inbox(unit: string, today: string, filter: { status?: FeedbackStatus; overdue?: boolean }): Promise<FeedbackCaseSummary[]> {
    const rows = filter.status
      ? await this.db.all<CaseRow>('SELECT * FROM feedback_cases WHERE unit = ? AND status = ? ORDER BY due_on, received_at LIMIT 1000', [unit, filter.status])
      : await this.db.all<CaseRow>('SELECT * FROM feedback_cases WHERE unit = ? ORDER BY due_on, received_at LIMIT 1000', [unit]);
    const cases = rows.map((row) => summary(row, today)).filter((c) => filter.overdue === undefined || c.overdue === filter.overdue);
    // Overdue open cases first, then open ones by due date, then the handled ones.
    const rank = (c: FeedbackCaseSummary) => (OPEN.includes(c.status) ? (c.overdue ? 0 : 1) : 2);
    return cases.sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn) || a.receivedAt.localeCompare(b.receivedAt));
  }

  async staffView(row: CaseRow, today: string): Promise<FeedbackCase> {
    return staffCaseView(row, await this.events(row.id), today);
  }

  /** Applies a staff action with its audit entry in one transaction; returns the updated row. */
  async act(row: CaseRow, actor: Actor, action: FeedbackAction): Promise<CaseRow> {
    const now = new Date().toISOString();
    const to = TRANSITIONS[action.action].to ?? row.status;
    const changes: Partial<CaseRow> = { status: to, updated_at: now };
    let detail: string | null = null;
    switch (action.action) {
      case 'route':
        changes.routed_to = action.routedTo;
        detail = `Chuyển đến: ${action.routedTo}${action.note ? ` — ${action.note}` : ''}`;
        break;
      case 'start':
        detail = action.note || null;
        break;
      case 'answer':
        changes.answer = action.answer;
        changes.answered_at = now;
        detail = row.answer ? `Sửa trả lời. Trước: ${row.answer}\nSau: ${action.answer}` : action.answer;
        break;
      case 'publish':
        changes.public_title = action.title;
        changes.public_content = action.content;
        changes.public_answer = action.answer;
        changes.published_at = row.published_at ?? now;
        changes.search_text = foldForSearch([action.title, action.content, action.answer, row.procedure_code ?? ''].join(' '));
        detail = `Bản công khai — Tiêu đề: ${action.title}\nNội dung: ${action.content}\nTrả lời: ${action.answer}`;
        break;
      case 'note':
        detail = action.note;
        break;
    }
    await this.db.transaction(async (tx) => {
      const columns = Object.keys(changes);
      await tx.run(`UPDATE feedback_cases SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [
        ...(Object.values(changes) as SqlValue[]),
        row.id,
      ]);
      await this.audit(tx, row.id, actor, action.action, row.status, to, detail, now);
    });
    return { ...row, ...changes };
  }

  /** Cases received between two Vietnamese dates, inclusive, oldest first. */
  async receivedBetween(unit: string, from: string, to: string): Promise<CaseRow[]> {
    const start = vietnamDayStart(from);
    const end = vietnamDayStart(addDays(to, 1));
    return this.db.all<CaseRow>('SELECT * FROM feedback_cases WHERE unit = ? AND received_at >= ? AND received_at < ? ORDER BY received_at', [
      unit,
      start,
      end,
    ]);
  }
}

