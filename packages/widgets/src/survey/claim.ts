import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { HttpError, requestJson } from '../shared/client.js';

/** A message over the form, or why the survey will not open for a dossier token. */
export interface ClaimRefusal {
  title: string;
  detail?: string | undefined;
  /** Sending again, whatever the answers, would be refused the same way: "Gửi phiếu" stays disabled. */
  final?: boolean;
}

/** The server refused a response or a dossier token, with its reason after (or instead of a title). */
export const refusedText = (): string => msg('Máy chủ không nhận phiếu này.', { id: 'survey.refused' });

export const dossierTaken = (): ClaimRefusal => ({ title: msg('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.', { id: 'survey.dossier-taken' }), final: true });

/**
 * With a dossier token, asks the server whether it can still claim its dossier — before the
 * first question, so nobody answers nineteen questions to be refused. A refusal (used, forged,
 * another unit's, expired) is returned to be shown instead of the form; offline or on a server
 * error the form opens (`claimed: false`) and the server decides when the response arrives.
 */
export async function checkDossierClaim(url: string): Promise<{ claimed: boolean; refusal?: ClaimRefusal }> {
  try {
    await requestJson(url);
    return { claimed: true };
  } catch (error) {
    if (!(error instanceof HttpError) || error.status >= 500 || error.status === 429) return { claimed: false };
    const problem = error.problem;
    const refusal =
      problem?.code === 'dossier_already_rated'
        ? dossierTaken()
        : { title: problem?.title ?? refusedText(), detail: problem?.detail };
    return { claimed: false, refusal };
  }
}

/** A refusal: of a dossier token in place of the form, or of a response over it (`focusable`). */
export function refusedView(refusal: ClaimRefusal | undefined, focusable = false): TemplateResult {
  return html`<div class="notice refused" role="alert" tabindex=${focusable ? '-1' : nothing} part="notice">
    <p><strong>${refusal?.title}</strong></p>
    ${refusal?.detail ? html`<p>${refusal.detail}</p>` : nothing}
  </div>`;
}

/** Above the form when the server said the token can claim its dossier. */
export const verifiedHint = (): TemplateResult =>
  html`<p class="hint">${msg('Phiếu này đánh giá hồ sơ ghi trên phiếu hẹn của ông/bà.', { id: 'survey.dossier-verified' })}</p>`;
