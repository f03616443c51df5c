import { fromHex, parseVerifierKey, type LogKey, type VerifierKey } from '@sipas/schema';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { command, UNIT, UsageError, withDatabase, type Commands } from '../commands.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { audit, formatReport, parseExport, type AuditInput, type ParsedExport } from './audit.js';
import { BallotBox } from './box.js';
import { nodeSha256 } from './crypto.js';
import { addWitness, removeWitness, witnessesOf } from './cosignatures.js';
import { exportLogText } from './export.js';
import { witnessCosignerKey, witnessOnce } from './witness.js';
import { UnitStore } from '../units/store.js';

const AUDIT_USAGE = `Ba cách (three ways):
  sipas-server audit --unit <đơn vị> [--checkpoint cp.txt] [--old cp-cu.txt] [--key <khoá>]
      kiểm tra cơ sở dữ liệu của máy chủ này (checks this server's own database)
  sipas-server audit --export hom-phieu.jsonl [--checkpoint cp.txt] [--old cp-cu.txt] --key <khoá>
      kiểm tra một tệp xuất (checks an export file)
  sipas-server audit --url https://may-chu --unit <đơn vị> [--username <tên>] [--checkpoint …] [--old …] [--key …]
      kiểm tra một máy chủ từ xa; mật khẩu cán bộ trong biến SIPAS_STAFF_PASSWORD
<khoá> là chuỗi "tên+mã+khoá" in trên biên bản mở hòm phiếu, hoặc tệp chứa chuỗi đó.`;

const WITNESS_DETAILS = `Không có --url/--unit: tạo khoá (nếu chưa có) và in khoá đồng ký để đơn vị đăng ký (sipas-server witness-key --add …).
Có --url và --unit: lấy điểm kiểm tra mới, kiểm tra chữ ký và tính nối tiếp với điểm đã chứng kiến (giữ trong --state), rồi ký đồng ký.
Mã thoát 1 khi hòm phiếu không nối tiếp (lịch sử bị viết lại): không ký, điểm cũ được giữ làm bằng chứng.`;

const str = (value: string | boolean | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);
const readText = (path: string) => readFileSync(path, 'utf8');

function readKey(value: string): VerifierKey {
  const text = existsSync(value) ? readText(value).trim() : value.trim();
  return parseVerifierKey(text, nodeSha256);
}

async function fetchText(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) {
    let title = text.slice(0, 200);
    try {
      title = (JSON.parse(text) as { title?: string }).title ?? title;
    } catch {
      // not a problem document
    }
    throw new Error(`${url}: ${response.status} ${title}`);
  }
  return text;
}

/** `sipas-server` sub-commands of the log capability. */
export const logCommands: Commands = {
  audit: command({
    summary: 'Kiểm tra hòm phiếu điện tử: phiếu bị xoá, sửa, chèn; chữ ký; nhất quán với điểm kiểm tra cũ.',
    usage: '(--unit <đơn vị> | --export <tệp> | --url <máy chủ> --unit <đơn vị>) [--checkpoint …] [--old …] [--key …]',
    details: AUDIT_USAGE,
    options: {
      unit: { ...UNIT, required: false },
      url: { kind: 'value', hint: '<url>', summary: 'Audit a remote server' },
      export: { kind: 'value', hint: '<file>', summary: 'Audit an export file' },
      checkpoint: { kind: 'value', hint: '<file>', summary: 'The signed checkpoint to verify against' },
      old: { kind: 'value', hint: '<file>', summary: 'An older checkpoint the newer one must extend' },
      key: { kind: 'value', hint: '<key>', summary: 'The public key from the opening minutes (or a file holding it)' },
      username: { kind: 'value', hint: '<name>', summary: 'Staff account on the remote server (password in SIPAS_STAFF_PASSWORD)' },
      password: { kind: 'value', hint: '<password>', summary: 'Prefer SIPAS_STAFF_PASSWORD' },
    },
    run: async ({ options }) => {
      const unit = str(options.unit);
      const url = str(options.url)?.replace(/\/+$/, '');
      const exportFile = str(options.export);
      if (!exportFile && !unit) {
        console.error(AUDIT_USAGE);
        return 2;
      }
      const input: Partial<AuditInput> = {};
      const notes: string[] = [];
      let closeDb = async () => undefined as void;
      try {
        if (str(options.checkpoint)) input.checkpoint = readText(str(options.checkpoint)!);
        if (str(options.old)) input.old = readText(str(options.old)!);
        if (str(options.key)) input.key = readKey(str(options.key)!);
        let source: string;
        if (exportFile) {
          input.export = parseExport(readText(exportFile));
          source = `tệp xuất ${exportFile}`;
          if (!input.key) {
            console.error('Cần --key: khoá công khai của hòm phiếu (in trên biên bản mở hòm phiếu).');
            return 2;
          }
        } else if (url) {
          source = `máy chủ ${url}`;
          const base = `${url}/v1/units/${encodeURIComponent(unit!)}/log`;
          if (!input.key) {
            const key = JSON.parse(await fetchText(`${base}/key`)) as LogKey;
            input.key = parseVerifierKey(key.verifierKey, nodeSha256);
            notes.push(`Khoá công khai lấy từ chính máy chủ: ${key.verifierKey}. Hãy so với khoá in trên biên bản; nếu khác, kết quả không đáng tin.`);
          }
          input.checkpoint ??= await fetchText(`${base}/checkpoint`);
          const username = str(options.username);
          if (username) {
            const password = process.env.SIPAS_STAFF_PASSWORD ?? str(options.password);
            if (!password) {
              console.error('Đặt mật khẩu cán bộ trong biến môi trường SIPAS_STAFF_PASSWORD.');
              return 2;
            }
            const signIn = await fetch(`${url}/v1/staff/sessions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ unit, username, password }),
            });
            if (!signIn.ok) throw new Error(`Không đăng nhập được (${signIn.status}).`);
            const { token } = (await signIn.json()) as { token: string };
            input.export = parseExport(
              await fetchText(`${url}/v1/staff/units/${encodeURIComponent(unit!)}/log/export`, { authorization: `Bearer ${token}` }),
            );
          } else {
            notes.push('Không có tệp xuất: chỉ kiểm tra chữ ký và tính nhất quán. Để đối chiếu từng phiếu, thêm --username hoặc dùng --export.');
          }
          input.consistencyProof = async (from, to) => {
            const proof = JSON.parse(await fetchText(`${base}/consistency?from=${from}&to=${to}`)) as { proof: string[] };
            return proof.proof.map(fromHex);
          };
        } else {
          const config = loadConfig(process.env, { logLevel: 'silent' });
          const db = await openDatabase(config.databaseUrl);
          closeDb = () => db.close();
          await migrate(db);
          const box = BallotBox.open(config, db);
          source = `cơ sở dữ liệu ${db.describe()}`;
          if (!input.key) {
            input.key = parseVerifierKey(box.key(unit!).verifierKey, nodeSha256);
            notes.push(`Khoá công khai đọc từ tệp khoá của máy chủ này: ${box.key(unit!).verifierKey}. Hãy so với khoá in trên biên bản.`);
          }
          input.export = parseExport(await exportLogText(box, unit!));
          input.consistencyProof = async (from, to) => (await box.tree(unit!).consistency(from, to)).map(fromHex);
        }
        console.log(`KIỂM TRA HÒM PHIẾU ĐIỆN TỬ${unit ? ` — đơn vị ${unit}` : ''}\nNguồn: ${source}\n`);
        for (const note of notes) console.log(`  · ${note}`);
      } catch (error) {
        await closeDb();
        console.error(`Không kiểm tra được: ${(error as Error).message}`);
        return 2;
      }
      try {
        const report = await audit(input as AuditInput & { key: VerifierKey });
        process.stdout.write(formatReport(report));
        return report.ok ? 0 : 1;
      } finally {
        await closeDb();
      }
    },
  }),
  'export-log': command({
    summary: "Write a unit's ballot-box export (JSON lines) for `sipas-server audit --export`.",
    usage: '--unit <unit> [--out hom-phieu.jsonl]',
    options: { unit: UNIT, out: { kind: 'value', hint: '<file>', summary: 'Write to this file (default: standard output)' } },
    run: async ({ options }) => {
      const unit = options.unit!;
      return withDatabase(async (db, config) => {
        const text = await exportLogText(BallotBox.open(config, db), unit);
        const out = str(options.out);
        if (out) {
          writeFileSync(out, text);
          console.error(`Đã ghi ${text.split('\n').length - 2} dòng vào ${out}.`);
        } else process.stdout.write(text);
        return 0;
      });
    },
  }),
  'log-checkpoint': command({
    summary: "Print a unit's signed ballot-box checkpoint and public key (for supervisors to keep).",
    usage: '--unit <unit>',
    options: { unit: UNIT },
    run: async ({ options }) => {
      const unit = options.unit!;
      return withDatabase(async (db, config) => {
        const box = BallotBox.open(config, db);
        process.stdout.write((await box.checkpoint(unit)).note);
        console.error(`Khoá công khai (public key): ${box.key(unit).verifierKey}`);
        return 0;
      });
    },
  }),
  witness: command({
    summary: 'Giám sát viên: kiểm tra hòm phiếu nối tiếp điểm kiểm tra đã chứng kiến rồi ký đồng ký (C2SP witness).',
    usage: '--key <file.pem> --name <name> [--url https://may-chu --unit <unit> [--state <file.json>] [--log-key <key>]]',
    options: {
      key: { kind: 'value', required: true, hint: '<file.pem>', summary: "The witness's private key file (created when missing)" },
      name: { kind: 'value', required: true, hint: '<name>', summary: "The witness's key name, e.g. mttq.phuong-tan-hoa" },
      url: { kind: 'value', hint: '<url>', summary: 'The server whose ballot box to witness' },
      unit: { kind: 'value', hint: '<unit>', summary: 'Unit id (mã đơn vị) of the box' },
      state: { kind: 'value', hint: '<file.json>', summary: 'Where the last witnessed checkpoint is kept (default <key>.<unit>.state.json)' },
      'log-key': { kind: 'value', hint: '<key>', summary: "The box's verifier key, or a file holding it (default: trust the server's on first use)" },
    },
    details: WITNESS_DETAILS,
    run: async ({ options }) => {
      const [url, unit, key, name] = [str(options.url), str(options.unit), options.key!, options.name!];
      if (!url || !unit) {
        // Without a box to check: print the witness's key for the unit to register.
        console.log(witnessCosignerKey(key, name));
        return 0;
      }
      const logKey = str(options['log-key']);
      const outcome = await witnessOnce({
        endpoint: url,
        unit,
        keyPath: key,
        name,
        statePath: str(options.state) ?? `${key}.${unit}.state.json`,
        ...(logKey ? { logKey: existsSync(logKey) ? readText(logKey).trim() : logKey } : {}),
      });
      if (!outcome.ok) {
        console.error(`KHÔNG KÝ (${outcome.reason}): ${outcome.message}`);
        return 1;
      }
      if (outcome.firstKey) console.log('Lần đầu: đã tin khoá hòm phiếu do máy chủ đưa — hãy đối chiếu với khoá in trên biên bản.');
      console.log(
        outcome.previous === undefined
          ? `Đã ký đồng ký điểm kiểm tra ${outcome.size} phiếu (lần chứng kiến đầu tiên).`
          : `Hòm ${outcome.size} phiếu nối tiếp hòm ${outcome.previous} phiếu đã chứng kiến: đã ký đồng ký.`,
      );
      console.log(outcome.line.trim());
      return 0;
    },
  }),
  'witness-key': command({
    summary: 'Đăng ký, liệt kê hoặc gỡ khoá của giám sát viên được ký đồng ký hòm phiếu của đơn vị.',
    usage: '--unit <unit> (--add "<name>+<id>+<key>" [--label "UBMTTQ phường"] | --list | --remove <name>)',
    options: {
      unit: UNIT,
      add: { kind: 'value', hint: '<name+id+key>', summary: "Register a witness's cosigner key" },
      label: { kind: 'value', hint: '<label>', summary: 'Who the witness is, on the minutes (with --add)' },
      list: { kind: 'flag', summary: "List the unit's witnesses" },
      remove: { kind: 'value', hint: '<name>', summary: 'Remove a witness' },
    },
    run: async ({ options }) => {
      if ([options.add !== undefined, options.list, options.remove !== undefined].filter(Boolean).length !== 1) {
        throw new UsageError('Chọn một trong --add, --list, --remove (one of them).');
      }
      const unitId = options.unit!;
      return withDatabase(async (db) => {
        const units = new UnitStore(db);
        const unit = await units.get(unitId);
        if (!unit) {
          console.error(`Không có đơn vị "${unitId}".`);
          return 1;
        }
        if (options.add !== undefined) {
          const witness = await addWitness(units, unit, str(options.label) ?? 'Giám sát viên', options.add);
          console.log(`Đã đăng ký giám sát viên "${witness.label}": ${witness.cosignerKey}`);
        } else if (options.remove !== undefined) {
          if (!(await removeWitness(units, unit, options.remove))) {
            console.error(`Không có giám sát viên ${options.remove}.`);
            return 1;
          }
          console.log(`Đã gỡ giám sát viên ${options.remove}.`);
        } else {
          for (const witness of witnessesOf(unit)) console.log(`${witness.addedAt}  ${witness.label}  ${witness.cosignerKey}`);
        }
        return 0;
      });
    },
  }),
};

export type { ParsedExport };
