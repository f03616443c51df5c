import type { StaffMember } from '@sipas/schema';
import { requestJson, HttpError, type RequestOptions, type JsonResponse } from '@sipas/widgets/shared/client.js';
import { SipasElement } from '@sipas/widgets/shared/element.js';

/** A tab of the staff desk. Capabilities register theirs in define.ts. */
export interface DeskPanelDefinition {
  id: string;
  /** Tab title, called at render time so it follows the locale. */
  title: () => string;
  /** Custom element tag of the panel; it receives `endpoint`, `token` and `staff`. */
  tag: string;
  /** Shown only to members with this role (the server refuses the others anyway). */
  role?: StaffMember['role'];
}

const panels: DeskPanelDefinition[] = [];

export function registerDeskPanel(panel: DeskPanelDefinition): void {
  if (!panels.some((p) => p.id === panel.id)) panels.push(panel);
}

/** The tabs a member sees: admin tabs only for admins. */
export const deskPanels = (staff?: StaffMember): readonly DeskPanelDefinition[] =>
  panels.filter((panel) => !panel.role || panel.role === staff?.role);

/** Fired by a panel when the server no longer accepts the session; the desk shows the sign-in form. */
export const SESSION_EXPIRED = 'sipas-desk-session-expired' as const;

/**
 * Base class of desk panels: the signed-in staff member, and fetch with the session token.
 */
export class DeskPanel extends SipasElement {
  static override properties = {
    ...SipasElement.properties,
    token: { attribute: false },
    staff: { attribute: false },
  };

  declare token: string | undefined;
  declare staff: StaffMember | undefined;

  /** Calls a staff route; a 401 ends the session for the whole desk. */
  protected async staffRequest<T>(path: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
    const url = this.api(path);
    if (!url) throw new Error('no endpoint');
    try {
      return await requestJson<T>(url, { ...options, headers: { ...options.headers, authorization: `Bearer ${this.token}` } });
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) this.emit(SESSION_EXPIRED, {});
      throw error;
    }
  }

  /** Downloads a staff file (CSV, XLSX …) with the session token and saves it under `filename`. */
  protected async download(path: string, filename: string): Promise<void> {
    const url = this.api(path);
    if (!url) return;
    const response = await fetch(url, { headers: { authorization: `Bearer ${this.token}` } });
    if (response.status === 401) this.emit(SESSION_EXPIRED, {});
    if (!response.ok) throw new HttpError(response.status, undefined, undefined);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}
