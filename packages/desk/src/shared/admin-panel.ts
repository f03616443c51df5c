import type { RequestOptions } from '@sipas/widgets/shared/client.js';
import { AdminController } from './admin-controller.js';
import { DeskPanel } from './panel.js';

/**
 * Base of the admin tabs (and the clerk's label tab): calls on the unit's admin routes, and one
 * `AdminController` for loading, sending, errors, busy flag and status line.
 */
export class AdminPanel extends DeskPanel {
  protected readonly io = new AdminController(this, () => this.load());

  /** Fills the screen; called when it connects and again after a change that needs it. */
  protected async load(): Promise<void> {}

  /** `staff/units/<unit>/<path>` with the session token; resolves to the body. */
  protected async admin<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.staffRequest<T>(`staff/units/${encodeURIComponent(this.unit ?? '')}/${path}`, options);
    return response.data as T;
  }
}
