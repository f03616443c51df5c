import {
  LEGACY_SOURCE,
  LogExportAggregates,
  vietnamDate,
  type Answers,
  type Questionnaire,
  bytesEqual,
  leafHash,
  LogExportHeader,
  LogExportLine,
  logEntryBytes,
  rootFromLeafHashes,
  toBase64,
  toHex,
  verifyCheckpoint,
  verifyConsistency,
  VIETNAM_TIME_ZONE,
  type Bytes,
  type Checkpoint,
  type LogEntry,
  type VerifierKey,
} from '@sipas/schema';
import { AggregateTally, criteriaOf } from '../results/aggregate.js';
import { periodWords } from '../results/rollups.js';
import { ed25519Verify, nodeSha256 } from './crypto.js';

/** One line of the audit report: ✓ passed, ✗ failed, · information. */
export interface Finding {
  status: 'ok' | 'bad' | 'info';
  text: string;
}

export interface AuditReport {
  ok: boolean;
  findings: Finding[];
  /** The first leaf found wrong (0-based), when one can be named. */
  firstBadLeaf?: number;
  /** A response in the database that is in no leaf. */
  strayResponse?: string;
  /** The stored result aggregates differ from those recomputed from the responses. */
  aggregatesAltered?: boolean;
}

export interface ParsedExport {
  header: LogExportHeader;
  lines: LogExportLine[];
  /** The stored result aggregates and questionnaires, when the export carries them. */
  aggregates?: LogExportAggregates['aggregates'];
}

export interface AuditInput {
  /** The public key the supervisor trusts (from the minutes, or `log/key`). */
  key: VerifierKey;
  /** The checkpoint to verify against; defaults to the one in the export's header. */
  checkpoint?: string;
  /** An older checkpoint a supervisor kept: the newer one must extend it. */
  old?: string;
  export?: ParsedExport;
  /** Fetches a consistency proof when there is no export to recompute from (remote audit). */
  consistencyProof?: (from: number, to: number) => Promise<Bytes[]>;
}

/** Reads an export file (JSON lines). Throws in Vietnamese naming the line when malformed. */
export function parseExport(text: string): ParsedExport {
  const rows = text.split('\n').filter((line) => line.trim() !== '');
  if (rows.length === 0) throw new Error('Tệp xuất trống.');
  const parse = (row: string, n: number) => {
    try {
      return JSON.parse(row) as unknown;
    } catch {
      throw new Error(`Dòng ${n} của tệp xuất không phải JSON hợp lệ.`);
    }
  };
  const header = LogExportHeader.safeParse(parse(rows[0]!, 1));
  if (!header.success) throw new Error('Dòng đầu của tệp xuất không phải phần đầu "sipas-ballot-export/1".');
  const lines: LogExportLine[] = [];
  let aggregates: ParsedExport['aggregates'];
  rows.slice(1).forEach((row, i) => {
    const value = parse(row, i + 2);
    if (value && typeof value === 'object' && 'aggregates' in value) {
      const parsed = LogExportAggregates.safeParse(value);
      if (!parsed.success) throw new Error(`Dòng ${i + 2} của tệp xuất (số liệu tổng hợp) sai định dạng.`);
      aggregates = parsed.data.aggregates;
      return;
    }
    const line = LogExportLine.safeParse(value);
    if (!line.success) throw new Error(`Dòng ${i + 2} của tệp xuất sai định dạng.`);
    lines.push(line.data);
  });
  return { header: header.data, lines, ...(aggregates ? { aggregates } : {}) };
}

const vnTime = (iso: string | null | undefined) => {
  if (!iso) return 'không rõ';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'medium', timeZone: VIETNAM_TIME_ZONE }).format(date);
};
const leafName = (index: number) => `lá số ${index} (phiếu thứ ${index + 1})`;
const short = (hex: string | Bytes) => (typeof hex === 'string' ? hex : toHex(hex)).slice(0, 16);

/**
 * The audit a supervisor runs. Every check is recomputed here from what was handed over — the
 * export's responses, the checkpoints, the trusted key — never taken from the server's say-so.
 */
export async function audit(input: AuditInput): Promise<AuditReport> {
  const findings: Finding[] = [];
  const report: AuditReport = { ok: true, findings };
  const bad = (text: string, leaf?: number) => {
    report.ok = false;
    findings.push({ status: 'bad', text });
    if (leaf !== undefined && (report.firstBadLeaf === undefined || leaf < report.firstBadLeaf)) report.firstBadLeaf = leaf;
  };
  const ok = (text: string) => findings.push({ status: 'ok', text });
  const info = (text: string) => findings.push({ status: 'info', text });

  // 1. The checkpoint must be signed by the box's own key.
  const noteText = input.checkpoint ?? input.export?.header.checkpoint;
  if (!noteText) {
    bad('Không có điểm kiểm tra (checkpoint) nào để đối chiếu.');
    return report;
  }
  const checked = await checkSigned(noteText, input.key, 'Điểm kiểm tra', findings);
  if (!checked) {
    report.ok = false;
    return report;
  }
  const checkpoint = checked;

  // 2. An older checkpoint a supervisor kept must be signed too, and be a prefix of the new one.
  let old: Checkpoint | undefined;
  if (input.old) {
    old = await checkSigned(input.old, input.key, 'Điểm kiểm tra cũ', findings);
    if (!old) {
      report.ok = false;
      return report;
    }
    if (old.origin !== checkpoint.origin) {
      bad(`Hai điểm kiểm tra thuộc hai hòm phiếu khác nhau (${old.origin} và ${checkpoint.origin}).`);
      return report;
    }
    if (old.size > checkpoint.size) {
      bad(`Điểm kiểm tra mới có ${checkpoint.size} phiếu, ít hơn điểm kiểm tra cũ (${old.size} phiếu): phiếu đã bị rút khỏi hòm.`);
      return report;
    }
    if (!input.export && input.consistencyProof) {
      const proof = await input.consistencyProof(old.size, checkpoint.size);
      if (verifyConsistency(old.size, checkpoint.size, proof, old.root, checkpoint.root, nodeSha256)) {
        ok(`Hòm phiếu hiện nay (${checkpoint.size} phiếu) nối tiếp đúng hòm phiếu lúc trước (${old.size} phiếu): không phiếu cũ nào bị xoá, sửa hay chèn (bằng chứng nhất quán RFC 9162).`);
      } else {
        bad(`Bằng chứng nhất quán SAI: hòm phiếu hiện nay KHÔNG nối tiếp hòm phiếu lúc có ${old.size} phiếu — trong ${old.size} phiếu đầu đã có phiếu bị xoá, sửa hoặc chèn.`);
      }
    }
  }

  // 3. With an export: re-hash every response and rebuild the tree.
  if (input.export) {
    const { header, lines } = input.export;
    if (header.origin !== checkpoint.origin) {
      bad(`Tệp xuất thuộc hòm phiếu ${header.origin}, không phải ${checkpoint.origin}.`);
      return report;
    }
    const recomputed: Bytes[] = [];
    let expected = 0;
    for (const line of lines) {
      if (line.leaf === null) {
        report.strayResponse ??= line.responseId;
        bad(`Phiếu ${line.responseId} (nhận lúc ${vnTime(line.receivedAt)}) có trong cơ sở dữ liệu nhưng KHÔNG có trong hòm phiếu: phiếu bị chèn thêm ngoài hòm.`);
        continue;
      }
      if (line.leaf !== expected) {
        if (line.leaf > expected) {
          bad(`Thiếu ${leafName(expected)}${line.leaf > expected + 1 ? ` đến lá số ${line.leaf - 1}` : ''}: lá đã bị xoá khỏi hòm phiếu.`, expected);
        } else {
          bad(`${capital(leafName(line.leaf))} xuất hiện lại hoặc sai thứ tự trong tệp xuất.`, line.leaf);
          continue;
        }
        expected = line.leaf;
      }
      expected += 1;
      if (!line.response || !line.receivedAt) {
        bad(`${capital(leafName(line.leaf))}: phiếu ${line.responseId} đã bị XOÁ khỏi cơ sở dữ liệu.`, line.leaf);
        recomputed[line.leaf] = new Uint8Array(32);
        continue;
      }
      if (line.leafReceivedAt !== undefined && line.leafReceivedAt !== line.receivedAt) {
        // The log keeps its own copy of the receive time (openings count periods by it): it must
        // be the time the leaf was made with, which the row's re-hash proves.
        bad(
          `${capital(leafName(line.leaf))}, phiếu ${line.responseId}: giờ nhận ghi trong hòm phiếu (${vnTime(line.leafReceivedAt)}) KHÁC giờ nhận của phiếu (${vnTime(line.receivedAt)}) — giờ nhận đã bị sửa, số phiếu theo kỳ sẽ sai.`,
          line.leaf,
        );
      }
      const entry: LogEntry = {
        response: line.response as unknown as LogEntry['response'],
        receivedAt: line.receivedAt,
        ...(line.source !== undefined ? { source: line.source as LogEntry['source'] } : {}),
      };
      const hash = leafHash(logEntryBytes(entry), nodeSha256);
      recomputed[line.leaf] = hash;
      if (line.hash !== toHex(hash)) {
        bad(
          `${capital(leafName(line.leaf))}, phiếu ${line.responseId} (nhận lúc ${vnTime(line.receivedAt)}): nội dung phiếu hiện nay KHÁC với lúc bỏ vào hòm — phiếu đã bị sửa.`,
          line.leaf,
        );
      }
    }
    for (let i = 0; i < recomputed.length; i++) recomputed[i] ??= new Uint8Array(32); // missing leaves
    const covered = Math.min(checkpoint.size, recomputed.length);
    if (recomputed.length < checkpoint.size) {
      bad(`Điểm kiểm tra có ${checkpoint.size} phiếu nhưng tệp xuất chỉ có ${recomputed.length} lá.`, recomputed.length);
    }
    if (report.ok) {
      ok(`Đã tính lại mã băm của từng phiếu: cả ${covered} phiếu khớp với mã đã ghi khi bỏ vào hòm.`);
    }
    if (recomputed.length >= checkpoint.size) {
      const root = rootFromLeafHashes(recomputed.slice(0, checkpoint.size), nodeSha256);
      if (bytesEqual(root, checkpoint.root)) {
        ok(`Mã gốc tính lại từ ${checkpoint.size} phiếu trùng với mã gốc đã ký: ${toBase64(root)}.`);
      } else if (report.firstBadLeaf === undefined) {
        // Phiếu and the hash recorded beside it were changed together. The signed root still
        // commits to the original leaves: find the longest prefix of the re-hashed leaves that the
        // signed tree extends (consistency proofs only verify for the true prefix), by bisection.
        const first = input.consistencyProof
          ? await firstDivergence(recomputed.slice(0, checkpoint.size), checkpoint.size, checkpoint.root, input.consistencyProof)
          : undefined;
        bad(
          `Mã gốc tính lại từ các phiếu (${short(root)}…) KHÔNG trùng với mã gốc đã ký (${short(checkpoint.root)}…): ` +
            'phiếu đã bị thay đổi cùng với mã băm ghi kèm' +
            (first !== undefined
              ? `; theo bằng chứng nhất quán, ${leafName(first)} là lá đầu tiên khác với hòm phiếu đã ký.`
              : '; không chỉ ra được lá cụ thể từ riêng tệp này (cần máy chủ để lấy bằng chứng nhất quán).'),
          first,
        );
      } else {
        bad('Mã gốc tính lại KHÔNG trùng với mã gốc đã ký (do các sai lệch nêu trên).');
      }
      if (old) {
        const oldRoot = rootFromLeafHashes(recomputed.slice(0, old.size), nodeSha256);
        if (bytesEqual(oldRoot, old.root)) {
          ok(`${old.size} phiếu đầu trùng với điểm kiểm tra cũ: không phiếu nào trước lần kiểm tra đó bị xoá, sửa hay chèn.`);
        } else {
          bad(`${old.size} phiếu đầu KHÔNG trùng với điểm kiểm tra cũ: đã có thay đổi trong các phiếu có từ trước lần kiểm tra đó.`);
        }
      }
    }
    const later = lines.filter((line) => line.leaf !== null && line.leaf >= checkpoint.size).length;
    if (later > 0) info(`${later} phiếu nhận sau điểm kiểm tra này, chưa được đối chiếu.`);
    if (input.export.aggregates) {
      checkAggregates(input.export.header.unit, lines, input.export.aggregates, { ok, bad, info }, report);
    }
  }
  return report;
}

type Say = { ok: (text: string) => void; bad: (text: string, leaf?: number) => void; info: (text: string) => void };

/**
 * The result aggregates (what the published results and reports are read from) — per day and
 * their month, quarter and year roll-ups — recomputed from the responses of the export and
 * compared row by row with the stored ones. A multiplied, cut or invented aggregate is named with
 * its day (or roll-up period), questionnaire and field.
 */
function checkAggregates(unit: string, lines: LogExportLine[], stored: NonNullable<ParsedExport['aggregates']>, say: Say, report: AuditReport): void {
  const questionnaires = new Map<string, Questionnaire>(stored.questionnaires.map((q) => [`${q.id}@${q.version}`, q]));
  const tally = new AggregateTally();
  let counted = 0;
  for (const line of lines) {
    const response = line.response as
      | { unit?: string; questionnaire?: { id?: string; version?: number }; answers?: unknown; context?: { field?: string } }
      | null;
    if (!response || !line.receivedAt || !response.questionnaire) continue;
    const questionnaire = questionnaires.get(`${response.questionnaire.id}@${response.questionnaire.version}`);
    if (!questionnaire) continue; // unscorable: the aggregates skip it too
    tally.add(
      {
        unit,
        day: vietnamDate(line.receivedAt),
        questionnaire: questionnaire.id,
        version: questionnaire.version,
        field: response.context?.field ?? '',
        source: line.source ?? LEGACY_SOURCE,
      },
      criteriaOf(questionnaire, (response.answers ?? {}) as Answers),
    );
    counted += 1;
  }
  const recomputed = tally.rows();
  const forms = (rows: readonly string[]) => {
    const map = new Map<string, number>();
    for (const row of rows) {
      const match = /^forms (.*) (\d+)$/.exec(row);
      if (match) map.set(match[1]!, Number(match[2]));
    }
    return map;
  };
  const have = forms(stored.rows);
  const want = forms(recomputed);
  let differences = 0;
  for (const where of new Set([...have.keys(), ...want.keys()])) {
    const a = have.get(where) ?? 0;
    const b = want.get(where) ?? 0;
    if (a === b) continue;
    differences += 1;
    const [, day, form, field] = /^\S+ (\S+) (\S+) \[(.*)\] \S+$/.exec(where) ?? [];
    const times = b > 0 && a > b && a % b === 0 ? ` (gấp ${a / b} lần)` : '';
    say.bad(
      `SỐ LIỆU TỔNG HỢP KẾT QUẢ BỊ SỬA: ${periodWords(day ?? '')}, phiếu ${form}${field ? `, bộ phận/lĩnh vực "${field}"` : ''}: ` +
        `kết quả ghi ${a} phiếu nhưng tính lại từ các phiếu trong hòm chỉ được ${b} phiếu${times}.`,
    );
  }
  const storedItems = new Set(stored.rows.filter((row) => row.startsWith('item ')));
  const recomputedItems = recomputed.filter((row) => row.startsWith('item '));
  const itemDifferences =
    recomputedItems.filter((row) => !storedItems.has(row)).length + [...storedItems].filter((row) => !recomputedItems.includes(row)).length;
  if (itemDifferences > 0) {
    differences += 1;
    say.bad(`SỐ LIỆU TỔNG HỢP KẾT QUẢ BỊ SỬA: ${itemDifferences} dòng điểm theo tiêu chí khác với điểm tính lại từ các phiếu trong hòm.`);
  }
  if (differences > 0) {
    report.aggregatesAltered = true;
  } else {
    say.ok(`Đã tính lại số liệu tổng hợp kết quả từ ${counted} phiếu: trùng với số liệu lưu (${stored.rows.length} dòng) mà kết quả công bố và báo cáo đọc ra.`);
  }
}

/**
 * The first leaf whose re-hashed value differs from what the signed root commits to. good(m) —
 * "the signed tree of `size` extends our first m leaves" — holds exactly for m up to the first
 * changed leaf, and a server cannot forge a proof that makes it hold beyond (SHA-256).
 */
async function firstDivergence(
  leaves: Bytes[],
  size: number,
  root: Bytes,
  proofOf: (from: number, to: number) => Promise<Bytes[]>,
): Promise<number | undefined> {
  let good = 0;
  let badSize = size;
  try {
    while (badSize - good > 1) {
      const mid = Math.floor((good + badSize) / 2);
      const proof = await proofOf(mid, size);
      if (verifyConsistency(mid, size, proof, rootFromLeafHashes(leaves.slice(0, mid), nodeSha256), root, nodeSha256)) good = mid;
      else badSize = mid;
    }
  } catch {
    return undefined;
  }
  return good;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

async function checkSigned(note: string, key: VerifierKey, label: string, findings: Finding[]): Promise<Checkpoint | undefined> {
  const result = await verifyCheckpoint(note, key, ed25519Verify);
  if (result.ok) {
    findings.push({
      status: 'ok',
      text: `${label} có chữ ký hợp lệ của hòm phiếu ${key.name} (mã khoá ${key.keyId.toString(16).padStart(8, '0')}): ${result.checkpoint.size} phiếu.`,
    });
    return result.checkpoint;
  }
  const why: Record<typeof result.reason, string> = {
    malformed: `không đúng định dạng điểm kiểm tra (${result.detail})`,
    no_trusted_signature: `KHÔNG được ký bằng khoá của hòm phiếu (${result.detail}) — không thể tin điểm kiểm tra này`,
    bad_signature: 'có chữ ký SAI — điểm kiểm tra đã bị sửa sau khi ký',
    wrong_origin: `thuộc hòm phiếu khác (${result.detail})`,
  };
  findings.push({ status: 'bad', text: `${label} ${why[result.reason]}.` });
  return undefined;
}

/** The report as the terminal shows it. */
export function formatReport(report: AuditReport): string {
  const mark = { ok: '✓', bad: '✗', info: '·' } as const;
  const lines = report.findings.map((f) => `  ${mark[f.status]} ${f.text}`);
  lines.push('');
  if (report.ok) {
    lines.push('KẾT LUẬN: HÒM PHIẾU TOÀN VẸN — không phát hiện phiếu nào bị xoá, sửa hay chèn thêm.');
  } else {
    const where =
      report.firstBadLeaf !== undefined
        ? ` Lá đầu tiên bị sai: ${leafName(report.firstBadLeaf)}.`
        : report.strayResponse
          ? ` Phiếu chèn thêm đầu tiên: ${report.strayResponse}.`
          : report.aggregatesAltered
            ? ' Số liệu tổng hợp kết quả (dùng để công bố) không khớp với các phiếu trong hòm.'
            : '';
    lines.push(`KẾT LUẬN: PHÁT HIỆN SAI LỆCH.${where} Đề nghị lập biên bản và báo cáo Thủ trưởng cơ quan, đơn vị.`);
  }
  return `${lines.join('\n')}\n`;
}

