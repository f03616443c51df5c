import {
  addDays,
  fromHex,
  parseVerifierKey,
  vietnamDayStart,
  verifyConsistency,
  type BallotOpening,
  type BallotOpeningRequest,
} from '@sipas/schema';
import { randomUUID } from 'node:crypto';
import type { StaffPrincipal } from '../context.js';
import { ProblemError } from '../http/problem.js';
import type { StoredUnit } from '../units/store.js';
import type { BallotBox } from './box.js';
import { cosignaturesForMinutes } from './cosignatures.js';
import { audit } from './audit.js';
import { nodeSha256 } from './crypto.js';
import { exportSnapshot } from './export.js';


/**
 * Opens the box for a period before witnesses: signs the checkpoint of the whole box as it is
 * now, counts the period's responses from the log itself, checks the box still extends the one
 * shown at the previous opening, and records all of it as the minutes (log_openings).
 */
export async function openBallotBox(
  box: BallotBox,
  unit: StoredUnit,
  staff: StaffPrincipal,
  request: BallotOpeningRequest,
): Promise<BallotOpening> {
  if (request.from > request.to) {
    throw new ProblemError(400, 'Ngày bắt đầu kỳ phải trước hoặc bằng ngày kết thúc.', {
      code: 'validation_failed',
      errors: [{ path: 'from', code: 'after_to', message: 'Ngày bắt đầu kỳ sau ngày kết thúc.' }],
    });
  }
  // Counted from verified leaves, never from a copy taken on trust: the box is audited as a
  // supervisor would (signature, every response re-hashed to its leaf, the leaf's own receive
  // time against the row's) and the period is counted from the receive times the leaves prove.
  const snapshot = await exportSnapshot(box, unit.id);
  const checkpoint = snapshot.checkpoint;
  const verified = await audit({
    key: parseVerifierKey(box.key(unit.id).verifierKey, nodeSha256),
    export: { header: snapshot.header, lines: snapshot.lines },
  });
  if (!verified.ok) {
    const first = verified.findings.find((finding) => finding.status === 'bad')?.text ?? '';
    throw new ProblemError(409, 'Hòm phiếu không khớp khi kiểm tra: không mở hòm, không lập biên bản.', {
      code: 'ballot_box_inconsistent',
      detail: `${first} Hãy chạy "sipas-server audit --unit ${unit.id}", lập biên bản sự việc và báo cáo Thủ trưởng cơ quan, đơn vị.`,
    });
  }
  const start = vietnamDayStart(request.from);
  const end = vietnamDayStart(addDays(request.to, 1));
  const inPeriod = snapshot.lines.filter(
    (line) => line.leaf !== null && line.leaf < checkpoint.size && line.receivedAt !== null && line.receivedAt >= start && line.receivedAt < end,
  );
  // Leaves are in order: the first and last of the period are at the ends.
  const period = { n: inPeriod.length, first: inPeriod[0]?.leaf ?? null, last: inPeriod.at(-1)?.leaf ?? null };
  const previousRow = await box.db.get<{ body: string }>(
    'SELECT body FROM log_openings WHERE unit = ? ORDER BY number DESC LIMIT 1',
    [unit.id],
  );
  const previousOpening = previousRow ? (JSON.parse(previousRow.body) as BallotOpening) : undefined;
  let previous: BallotOpening['previous'] = null;
  if (previousOpening) {
    const from = previousOpening.checkpoint.size;
    const proof = await box.tree(unit.id).consistency(from, checkpoint.size);
    const consistent = verifyConsistency(
      from,
      checkpoint.size,
      proof.map(fromHex),
      fromHex(previousOpening.checkpoint.root),
      fromHex(checkpoint.root),
      nodeSha256,
    );
    previous = { number: previousOpening.number, openedAt: previousOpening.openedAt, size: from, consistent };
  }
  const opening: BallotOpening = {
    id: randomUUID(),
    number: (previousOpening?.number ?? 0) + 1,
    unit: unit.id,
    unitName: unit.name,
    openedAt: new Date().toISOString(),
    openedBy: { id: staff.id, name: staff.name },
    from: request.from,
    to: request.to,
    responsesInPeriod: Number(period?.n ?? 0),
    firstLeaf: period?.first === null || period?.first === undefined ? null : Number(period.first),
    lastLeaf: period?.last === null || period?.last === undefined ? null : Number(period.last),
    checkpoint: {
      origin: checkpoint.origin,
      size: checkpoint.size,
      root: checkpoint.root,
      note: checkpoint.note,
      signature: checkpoint.signature,
    },
    key: box.key(unit.id),
    cosignatures: await cosignaturesForMinutes(box, unit, checkpoint.size, checkpoint.root),
    previous,
    witnesses: request.witnesses,
    ...(request.place ? { place: request.place } : {}),
    ...(request.notes ? { notes: request.notes } : {}),
  };
  await box.db.run(
    `INSERT INTO log_openings (id, unit, number, opened_at, opened_by, opened_by_name, period_from, period_to, size, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      opening.id,
      unit.id,
      opening.number,
      opening.openedAt,
      staff.id,
      staff.name,
      request.from,
      request.to,
      checkpoint.size,
      JSON.stringify(opening),
    ],
  );
  return opening;
}

export async function listOpenings(box: BallotBox, unit: string): Promise<BallotOpening[]> {
  const rows = await box.db.all<{ body: string }>('SELECT body FROM log_openings WHERE unit = ? ORDER BY number DESC', [unit]);
  return rows.map((row) => JSON.parse(row.body) as BallotOpening);
}
