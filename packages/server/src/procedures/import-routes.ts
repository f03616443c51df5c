import type { Procedure, ProcedureImportPreview, ProcedureImportRequest, ProcedureImportResult } from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { recordChange } from '../admin/changes.js';
import type { ServerContext, StaffPrincipal } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import { checkImport } from './import.js';
import { readImportBytes, UnreadableFile } from './read.js';
import { ProcedureStore } from './store.js';

/** An office file of a few hundred procedures is well under this; the JSON body carries it in base64. */
export const IMPORT_FILE_LIMIT_BYTES = 8 * 1024 * 1024;

/** A preview not confirmed within a day is dropped. */
const PREVIEW_TTL_MS = 24 * 3_600_000;

export function requireAdmin(staff: StaffPrincipal | undefined): void {
  if (staff?.role !== 'admin') {
    throw new ProblemError(403, 'Chỉ tài khoản quản trị của đơn vị được làm việc này.', { code: 'admin_only' });
  }
}

/**
 * The desk's import of an office file: upload → preview of what would change (nothing written)
 * → confirm (all or nothing, refused if the catalogue changed since the preview). Admins only.
 */
export async function registerProcedureImportRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new ProcedureStore(ctx.db);
  // The upload is larger than the API's usual body limit; only this route accepts it.
  app.addHook('onRoute', (route) => {
    if (route.url === '/v1/staff/units/:unit/procedure-imports' && route.method === 'POST') {
      route.bodyLimit = Math.ceil((IMPORT_FILE_LIMIT_BYTES * 4) / 3) + 4096;
    }
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/procedure-imports', async ({ unit, body, staff }) => {
    requireAdmin(staff);
    const bytes = Buffer.from(body.content, 'base64');
    if (bytes.length > IMPORT_FILE_LIMIT_BYTES) throw new ProblemError(413, 'Tệp quá lớn (tối đa 8 MB).', { code: 'file_too_large' });
    let read;
    try {
      read = await readImportBytes(bytes, body.fileName);
    } catch (error) {
      if (error instanceof UnreadableFile) throw new ProblemError(422, error.message, { code: 'unreadable_file' });
      throw error;
    }
    const { report, valid } = checkImport(read);
    const replace = body.replace ?? false;
    const plan = await store.plan(unit.id, valid, { replace });
    const blocked = report.invalid.length > 0 && !body.skipInvalid;
    const changes = plan.added.length + plan.changed.length + plan.removed.length;
    const id = randomBytes(12).toString('base64url');
    const now = new Date();
    await ctx.db.run('DELETE FROM procedure_imports WHERE created_at < ?', [new Date(now.getTime() - PREVIEW_TTL_MS).toISOString()]);
    if (!blocked && changes > 0) {
      await ctx.db.run(
        'INSERT INTO procedure_imports (id, unit, created_by, created_at, file_name, base_etag, replace_all, procedures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [id, unit.id, staff!.id, now.toISOString(), body.fileName, await store.etag(unit.id), replace ? 1 : 0, JSON.stringify(valid)],
      );
    }
    const preview: ProcedureImportPreview = {
      id,
      fileName: body.fileName,
      format: report.format,
      total: report.total,
      valid: report.valid,
      invalid: report.invalid.map((i) => ({ position: i.position, ...(i.code ? { code: i.code } : {}), ...(i.name ? { name: i.name } : {}), problems: i.problems })),
      ...plan,
      canConfirm: !blocked && changes > 0,
    };
    return preview;
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/procedure-imports/:id/confirm', async ({ unit, params, staff }) => {
    requireAdmin(staff);
    const row = await ctx.db.get<{ base_etag: string; replace_all: number; procedures: string; confirmed_at: string | null; created_at: string; file_name: string }>(
      'SELECT base_etag, replace_all, procedures, confirmed_at, created_at, file_name FROM procedure_imports WHERE id = ? AND unit = ?',
      [params.id!, unit.id],
    );
    if (!row || Date.parse(row.created_at) < Date.now() - PREVIEW_TTL_MS) {
      throw new ProblemError(404, 'Không có lần xem trước này (hoặc đã quá một ngày): gửi lại tệp.', { code: 'import_not_found' });
    }
    if (row.confirmed_at) throw new ProblemError(409, 'Lần nhập này đã được xác nhận.', { code: 'import_already_confirmed' });
    if ((await store.etag(unit.id)) !== row.base_etag) {
      throw new ProblemError(409, 'Danh mục thủ tục đã thay đổi từ lúc xem trước: gửi lại tệp để xem thay đổi mới.', { code: 'catalogue_changed' });
    }
    const claimed = await ctx.db.run('UPDATE procedure_imports SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL', [new Date().toISOString(), params.id!]);
    if (claimed.changes === 0) throw new ProblemError(409, 'Lần nhập này đã được xác nhận.', { code: 'import_already_confirmed' });
    const replace = Number(row.replace_all) === 1;
    const saved: ProcedureImportResult = await store.save(unit.id, JSON.parse(row.procedures) as Procedure[], {
      replace,
      record: (tx, outcome) => recordChange(tx, unit.id, { id: staff!.id, name: staff!.name }, 'procedures.imported', row.file_name, { ...outcome, replace }),
    });
    return saved;
  });
}
