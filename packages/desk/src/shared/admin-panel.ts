import { msg } from '@lit/localize';
import { HttpError, type RequestOptions } from '@sipas/widgets/shared/client.js';
import type { FieldError } from '@sipas/widgets/shared/error-summary.js';
import { DeskPanel } from './panel.js';

/** Base of the admin tabs: calls on the unit's admin routes, and problems turned into field errors. */
export class AdminPanel extends DeskPanel {
  /** `staff/units/<unit>/<path>` with the session token; resolves to the body. */
  protected async admin<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.staffRequest<T>(`staff/units/${encodeURIComponent(this.unit ?? '')}/${path}`, options);
    return response.data as T;
  }

  /** The server's words for a refusal (Vietnamese, naming fields), else a truthful fallback. */
  protected problemErrors(error: unknown, fallbackField: string, fields: readonly string[] = []): FieldError[] {
    if (error instanceof HttpError && error.problem) {
      const named = (error.problem.errors ?? []).map((e) => ({
        field: fields.find((f) => e.path === f || e.path.endsWith(`.${f}`)) ?? fallbackField,
        message: e.message,
      }));
      return named.length > 0 ? named : [{ field: fallbackField, message: error.problem.title }];
    }
    return [{ field: fallbackField, message: msg('Không kết nối được máy chủ. Vui lòng thử lại.', { id: 'desk.networkError' }) }];
  }
}
