import { msg, str } from '@lit/localize';
import type { Answers, Item, SurveyReceipt } from '@sipas/schema';
import { html, nothing, type TemplateResult } from 'lit';
import type { Kept } from '../shared/controllers/submission.js';
import { keepPageOpen } from '../shared/controllers/submission.js';
import { refusedView, type ClaimRefusal } from './claim.js';
import { intlLocale } from '../shared/localize.js';
import { choicesOf, isChosen, issueMessage, localized, NOT_APPLICABLE, numberOf, type Step } from './questions.js';

/** The survey's larger templates, as functions of what they show (the element wires them). */

export interface Issue {
  item: string;
  code: string;
}

export function itemView(steps: Step[], item: Item, answers: Answers, issue: Issue | undefined): TemplateResult {
  const id = item.id;
  const value = answers[id];
  const errorId = issue ? `${id}-error` : undefined;
  const legend = html`<span class="num">${numberOf(steps, item)}.</span> ${localized(item.text)}
    ${item.required ? nothing : html`<span class="optional">${msg('(không bắt buộc)', { id: 'survey.optional' })}</span>`}`;
  const error = issue
    ? html`<p class="field-error" id=${errorId!}>
        <span class="visually-hidden">${msg('Lỗi:', { id: 'survey.error-prefix' })}</span> ${issueMessage(item, issue.code)}
      </p>`
    : nothing;
  const invalid = issue ? 'true' : nothing;
  if (item.kind === 'text' || item.kind === 'number') {
    // Its value (and a choice's checkedness) is set from the answers after each render (SipasSurvey.updated).
    return html`<div class="question ${issue ? 'invalid' : ''}" part="question">
      <label class="legend" for=${id}>${legend}</label>
      ${error}
      ${item.kind === 'text'
        ? html`<textarea id=${id} name=${id} maxlength=${item.max ?? 2000} aria-invalid=${invalid} aria-describedby=${errorId ?? nothing}></textarea>`
        : html`<input id=${id} name=${id} inputmode="decimal" aria-invalid=${invalid} aria-describedby=${errorId ?? nothing} />`}
    </div>`;
  }
  const multi = item.kind === 'multi';
  return html`<fieldset class="question ${issue ? 'invalid' : ''}" part="question" aria-describedby=${errorId ?? nothing}>
    <legend>${legend}</legend>
    ${error}
    <div class="options">
      ${choicesOf(item).map(
        (choice, i) => html`<label class="option ${choice.value === NOT_APPLICABLE ? 'na' : ''}" part="option">
          <input
            type=${multi ? 'checkbox' : 'radio'}
            id=${i ? `${id}-${i}` : id}
            name=${id}
            .value=${choice.value}
            aria-invalid=${invalid}
          />
          <span>${choice.label}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

export function reviewView(steps: Step[], answers: Answers, go: (step: number) => void): TemplateResult {
  const shown = (item: Item): string => {
    const value = answers[item.id];
    if (value === undefined || value === '') return msg('Chưa trả lời', { id: 'survey.unanswered' });
    if (item.kind === 'text') return String(value);
    if (typeof value === 'number' && item.kind === 'number') return value.toLocaleString(intlLocale());
    return choicesOf(item)
      .filter((choice) => isChosen(value, choice))
      .map((choice) => choice.label)
      .join(', ');
  };
  return html`<section part="review">
    <h3 class="step-title" tabindex="-1" part="progress">${msg('Xem lại trước khi gửi', { id: 'survey.review' })}</h3>
    ${steps.map(
      (step, index) => html`<div>
        <div class="review-head">
          <h4>${step.title}</h4>
          <button type="button" class="secondary" part="button" @click=${() => go(index)}>
            ${msg('Sửa', { id: 'survey.change' })}<span class="visually-hidden"> ${step.title}</span>
          </button>
        </div>
        <dl>
          ${step.items.map((item) => html`<div><dt>${numberOf(steps, item)}. ${localized(item.text)}</dt><dd>${shown(item)}</dd></div>`)}
        </dl>
      </div>`,
    )}
  </section>`;
}

export interface DoneState {
  queued: boolean;
  kept: Kept | undefined;
  kiosk: boolean;
  receipt: SurveyReceipt | undefined;
  notice: ClaimRefusal | undefined;
  resetAfter: number;
  again: () => void;
}

export function doneView(s: DoneState): TemplateResult {
  const receipt = s.receipt;
  // A short, readable prefix of the ballot-box leaf hash: enough to find the response in the log.
  const leaf = receipt?.leaf?.hash.replace(/[^0-9a-z]/gi, '').slice(0, 8).toUpperCase();
  return html`<div class="done" part="done">
    <h2 tabindex="-1">
      ${s.queued ? msg('Phiếu đã được lưu trên máy này', { id: 'survey.saved-title' }) : msg('Cảm ơn ông/bà đã đánh giá!', { id: 'survey.thanks' })}
    </h2>
    ${s.queued
      ? html`<div class="notice" role="status" part="notice">
          <p>
            ${msg('Chưa gửi được do mất mạng hoặc máy chủ bận. Phiếu không bị mất: nó sẽ tự gửi khi có mạng, ông/bà không cần làm lại.', { id: 'survey.queued' })}
          </p>
          ${s.kept === 'page'
            ? html`<p>${keepPageOpen()}</p>`
            : s.kiosk
              ? nothing
              : html`<p>${msg('Có thể đóng trang: phiếu sẽ được gửi khi ông/bà mở lại trang web của phường trên máy này.', { id: 'survey.queued-later' })}</p>`}
        </div>`
      : html`<p role="status">${msg('Phiếu của ông/bà đã được gửi.', { id: 'survey.sent' })}</p>
          ${receipt ? html`<p class="receipt" part="receipt">${msg('Mã biên nhận:', { id: 'survey.receipt' })} <strong>${receipt.receipt}</strong><br />${msg('Phường cấp mã này khi đã lưu phiếu.', { id: 'survey.receipt-means' })}</p>` : nothing}
          ${leaf
            ? html`<p class="receipt" part="receipt">${msg('Mã xác nhận:', { id: 'survey.leaf' })} <strong>${leaf.slice(0, 4)} ${leaf.slice(4)}</strong><br />${msg('Mã để giám sát viên kiểm tra phiếu không bị xóa, sửa.', { id: 'survey.leaf-means' })}</p>`
            : nothing}`}
    ${s.notice ? refusedView(s.notice) : nothing}
    ${s.kiosk ? html`<p>${msg(str`Màn hình sẽ trở về phiếu mới sau ${s.resetAfter} giây.`, { id: 'survey.kiosk-reset' })}</p>` : nothing}
    <button type="button" class="secondary" part="button" @click=${s.again}>${msg('Làm phiếu mới', { id: 'survey.again' })}</button>
  </div>`;
}
