import { msg, str } from '@lit/localize';
import type { BallotOpening, Witness, WitnessRole } from '@sipas/schema';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { VIETNAM_TIME_ZONE } from '@sipas/schema/rules';
import { intlLocale } from '@sipas/widgets/shared/localize.js';
import { minutesStyles } from './minutes.styles.js';

const TIME_ZONE = VIETNAM_TIME_ZONE;

export function witnessRoleLabel(role: WitnessRole): string {
  switch (role) {
    case 'counter-head':
      return msg('Trưởng bộ phận Một cửa', { id: 'ballot.role.counterHead' });
    case 'survey-team':
      return msg('Đại diện Tổ công tác khảo sát', { id: 'ballot.role.surveyTeam' });
    case 'mttq':
      return msg('Đại diện Ủy ban MTTQ Việt Nam', { id: 'ballot.role.mttq' });
    case 'veterans':
      return msg('Đại diện Hội Cựu chiến binh', { id: 'ballot.role.veterans' });
    default:
      return msg('Người chứng kiến', { id: 'ballot.role.other' });
  }
}

const day = (date: string) =>
  // Full year on an official document: 01/01/2026, never 1/1/26.
  new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const instant = (iso: string) =>
  new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(iso));
const count = (n: number) => new Intl.NumberFormat(intlLocale()).format(n);

/** Splits a long base64 or hex string into groups a person can read aloud and compare. */
const groups = (text: string, size = 4) => text.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? text;

/**
 * <sipas-desk-minutes>: the minutes of one opening of the digital ballot box (biên bản mở hòm
 * phiếu), laid out for one A4 sheet: the count, the signed checkpoint and its key, who opened it
 * and when, the witnesses, and signature lines. Shown as a preview in the desk and printed from
 * a copy the ballot panel puts at the top of the page.
 *
 * @csspart sheet - the A4 sheet
 */
export class SipasDeskMinutes extends LitElement {
  static override styles = minutesStyles;

  static override properties = {
    opening: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare opening: BallotOpening | undefined;
  /** The title's heading level: 1 on the printed sheet, deeper in the desk's outline (its parts one below). */
  declare headingLevel: number;

  constructor() {
    super();
    this.opening = undefined;
    this.headingLevel = 1;
    updateWhenLocaleChanges(this);
  }

  /** A heading `below` levels under the title, styled by `kind` whatever its level. */
  private heading(below: 0 | 1, kind: 'title' | 'part', text: string): TemplateResult {
    const tag = unsafeStatic(`h${Math.min(Math.max(this.headingLevel, 1) + below, 6)}`);
    return staticHtml`<${tag} class=${kind}>${text}</${tag}>`;
  }

  private witnessLine(witness: Witness) {
    return html`<li>${msg('Ông/Bà', { id: 'ballot.mrMrs' })} <strong>${witness.name}</strong> — ${witness.title || witnessRoleLabel(witness.role)}</li>`;
  }

  override render() {
    const o = this.opening;
    if (!o) return nothing;
    const opened = new Date(o.openedAt);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(opened)
        .map((p) => [p.type, p.value]),
    ) as Record<string, string>;
    const signers: { role: string; name: string }[] = [
      ...o.witnesses.map((w) => ({ role: w.title || witnessRoleLabel(w.role), name: w.name })),
      { role: msg('Người mở hòm phiếu', { id: 'ballot.opener' }), name: o.openedBy.name },
    ];
    return html`<article class="sheet" part="sheet" lang="vi">
      <div class="heading">
        <div>
          <p class="nation">${o.unitName.toLocaleUpperCase('vi')}</p>
          <p>${msg('Số:', { id: 'ballot.number' })} ${o.number}/BB-HPĐT</p>
        </div>
        <div>
          <p class="nation">${msg('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { id: 'ballot.nation' })}</p>
          <p class="motto">${msg('Độc lập - Tự do - Hạnh phúc', { id: 'ballot.motto' })}</p>
        </div>
      </div>
      <p class="place">
        ${o.place ? `${o.place}, ` : ''}${msg('ngày', { id: 'ballot.day' })} ${parts.day} ${msg('tháng', { id: 'ballot.month' })} ${parts.month}
        ${msg('năm', { id: 'ballot.year' })} ${parts.year}
      </p>
      ${this.heading(0, 'title', msg('BIÊN BẢN', { id: 'ballot.minutesTitle' }))}
      <p class="subtitle">${msg('Mở hòm phiếu khảo sát điện tử (SIPAS)', { id: 'ballot.minutesSubtitle' })}</p>

      <p>
        ${msg('Hồi', { id: 'ballot.at' })} ${parts.hour} ${msg('giờ', { id: 'ballot.hour' })} ${parts.minute}
        ${msg('phút, ngày', { id: 'ballot.minuteDay' })} ${parts.day}/${parts.month}/${parts.year}, ${msg('tại', { id: 'ballot.in' })} ${o.unitName},
        ${msg('chúng tôi gồm:', { id: 'ballot.weAre' })}
      </p>
      <ol>
        ${o.witnesses.map((w) => this.witnessLine(w))}
        <li>${msg('Ông/Bà', { id: 'ballot.mrMrs' })} <strong>${o.openedBy.name}</strong> — ${msg('cán bộ mở hòm phiếu', { id: 'ballot.openerLine' })}</li>
      </ol>
      <p>
        ${msg('Đã tiến hành mở hòm phiếu khảo sát điện tử của kỳ từ ngày', { id: 'ballot.periodLead' })} <strong>${day(o.from)}</strong>
        ${msg('đến ngày', { id: 'ballot.periodTo' })} <strong>${day(o.to)}</strong>.
      </p>

      ${this.heading(1, 'part', msg('1. Kiểm tra niêm phong (chữ ký số của hòm phiếu)', { id: 'ballot.sealHeading' }))}
      <p>
        ${msg('Điểm kiểm tra của hòm phiếu tại thời điểm mở, do máy chủ ký bằng khoá Ed25519:', { id: 'ballot.checkpointLead' })}
      </p>
      <pre class="mono">${o.checkpoint.note}</pre>
      <p>
        ${msg('Khoá công khai của hòm phiếu (mã khoá', { id: 'ballot.keyLead' })} <span class="mono">${o.key.keyId}</span>):
        <span class="mono">${o.key.verifierKey}</span>
      </p>
      <p>
        ${msg('Mã gốc (root):', { id: 'ballot.root' })} <span class="mono">${groups(o.checkpoint.root, 8)}</span>
      </p>
      <p>
        ${o.previous
          ? o.previous.consistent
            ? msg(
                str`Hòm phiếu nối tiếp đúng hòm phiếu đã mở lần trước (biên bản số ${o.previous.number}, ngày ${instant(o.previous.openedAt)}, ${count(o.previous.size)} phiếu): không phiếu cũ nào bị xoá, sửa hay chèn.`,
                { id: 'ballot.previousOk' },
              )
            : html`<span class="bad"
                >${msg(
                  str`CẢNH BÁO: hòm phiếu KHÔNG nối tiếp hòm phiếu đã mở lần trước (biên bản số ${o.previous.number}, ${count(o.previous.size)} phiếu). Đề nghị dừng việc mở hòm và báo cáo Thủ trưởng cơ quan, đơn vị.`,
                  { id: 'ballot.previousBad' },
                )}</span
              >`
          : msg('Đây là lần mở hòm phiếu đầu tiên được ghi nhận.', { id: 'ballot.firstOpening' })}
      </p>
      ${(o.cosignatures ?? []).map(
        (c) => html`<p>
          ${c.consistent
            ? msg(str`Giám sát viên ${c.label} đã ký đồng ký điểm kiểm tra ${count(c.size)} phiếu; hòm phiếu nay nối tiếp đúng điểm đó.`, {
                id: 'ballot.cosignedOk',
              })
            : html`<span class="bad"
                >${msg(
                  str`CẢNH BÁO: hòm phiếu KHÔNG nối tiếp điểm kiểm tra ${count(c.size)} phiếu mà giám sát viên ${c.label} đã ký đồng ký: lịch sử đã bị viết lại.`,
                  { id: 'ballot.cosignedBad' },
                )}</span
              >`}
          <br /><span class="mono">${c.line}</span>
        </p>`,
      )}

      ${this.heading(1, 'part', msg('2. Số lượng phiếu', { id: 'ballot.countHeading' }))}
      <ul>
        <li>
          ${msg('Số phiếu nhận trong kỳ:', { id: 'ballot.inPeriod' })} <span class="figure">${count(o.responsesInPeriod)}</span>
          ${o.firstLeaf !== null && o.lastLeaf !== null
            ? msg(str`(từ lá số ${o.firstLeaf} đến lá số ${o.lastLeaf})`, { id: 'ballot.leafRange' })
            : ''}
        </li>
        <li>${msg('Tổng số phiếu trong hòm đến thời điểm mở:', { id: 'ballot.total' })} <span class="figure">${count(o.checkpoint.size)}</span></li>
      </ul>
      ${o.notes ? html`${this.heading(1, 'part', msg('3. Ý kiến khác', { id: 'ballot.notesHeading' }))}<p>${o.notes}</p>` : nothing}
      <p>
        ${msg(
          'Giám sát viên giữ một bản biên bản này. Bất kỳ lúc nào sau này, lệnh "sipas-server audit" với điểm kiểm tra và khoá in ở trên sẽ phát hiện nếu có phiếu nào trong hòm bị xoá, sửa hoặc chèn thêm.',
          { id: 'ballot.howToCheck' },
        )}
      </p>
      <p>
        ${msg('Biên bản lập xong hồi', { id: 'ballot.closedAt' })} ${parts.hour} ${msg('giờ', { id: 'ballot.hour' })} ${parts.minute}
        ${msg('phút cùng ngày, đã đọc lại cho những người có mặt cùng nghe và thống nhất ký tên.', { id: 'ballot.closing' })}
      </p>
      <div class="signatures">
        ${signers.map(
          (s) => html`<div>
            <span class="role">${s.role}</span>
            <span class="hint">${msg('(Ký, ghi rõ họ tên)', { id: 'ballot.signHint' })}</span>
            <span class="space"></span>
            <strong>${s.name}</strong>
          </div>`,
        )}
      </div>
    </article>`;
  }
}
