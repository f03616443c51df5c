import { msg, str } from '@lit/localize';
import type { SurveySettings, SurveySettingsUpdate } from '@sipas/schema';
import type { FieldError } from '@sipas/widgets/shared/error-summary.js';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { surveyStyles } from './survey.styles.js';

type Channel = SurveySettings['publishedChannels'][number];

const channelName = (channel: Channel): string =>
  channel === 'dossier'
    ? msg('Hồ sơ đã xác thực (mã QR trên phiếu hẹn)', { id: 'admin.survey.channel.dossier' })
    : channel === 'kiosk'
      ? msg('Kiosk tại quầy', { id: 'admin.survey.channel.kiosk' })
      : msg('Trang web mở (không xác thực)', { id: 'admin.survey.channel.web' });

/**
 * <sipas-desk-survey>: the "Cài đặt khảo sát" admin tab: the survey page the dossier labels lead
 * to, the closed list of departments/fields a survey may name (by default the procedures
 * catalogue's fields: add, rename, remove), which channels make the published index, and how many
 * days a dossier QR code may be used. One save sends it all; the server logs what changed.
 */
export class SipasDeskSurvey extends AdminPanel {
  static override styles = surveyStyles;

  static override properties = {
    ...AdminPanel.properties,
    settings: { state: true },
    fields: { state: true },
  };

  declare protected settings: SurveySettings | undefined;
  /** The list being edited; saved only with the form. */
  declare protected fields: string[];

  constructor() {
    super();
    this.fields = [];
  }

  private show(settings: SurveySettings): void {
    this.settings = settings;
    this.fields = [...settings.fields];
  }

  protected override async load(): Promise<void> {
    this.show(await this.admin<SurveySettings>('survey-settings'));
  }

  private addField(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#new-field')!;
    const name = input.value.replace(/\s+/g, ' ').trim();
    if (!name) {
      this.io.errors = [{ field: 'new-field', message: msg('Nhập tên lĩnh vực cần thêm', { id: 'admin.survey.newFieldRequired' }) }];
      void this.io.focus('.error-summary');
      return;
    }
    this.io.errors = [];
    this.fields = [...this.fields, name];
    input.value = '';
    input.focus();
  }

  private removeField(index: number): void {
    this.fields = this.fields.filter((_, i) => i !== index);
    void this.io.focus('#new-field');
  }

  private save(event: Event, catalogue = false): Promise<void> {
    const form = this.renderRoot.querySelector<HTMLFormElement>('form')!;
    const data = new FormData(form);
    const errors: FieldError[] = [];
    const fields = this.fields.map((_, i) => String(data.get(`field-${i}`) ?? '').replace(/\s+/g, ' ').trim());
    fields.forEach((name, i) => {
      if (!name) errors.push({ field: `field-${i}`, message: msg(str`Lĩnh vực thứ ${i + 1} chưa có tên: nhập tên hoặc bấm Bỏ`, { id: 'admin.survey.fieldEmpty' }) });
    });
    if (!catalogue && fields.length === 0) errors.push({ field: 'new-field', message: msg('Danh sách cần ít nhất một lĩnh vực', { id: 'admin.survey.fieldsEmpty' }) });
    const channels = data.getAll('channel').map(String) as Channel[];
    if (channels.length === 0) errors.push({ field: 'channel-dossier', message: msg('Chọn ít nhất một kênh', { id: 'admin.survey.channelsEmpty' }) });
    const days = String(data.get('tokenDays') ?? '').trim();
    if (!/^\d{1,3}$/.test(days) || Number(days) < 1 || Number(days) > 366) {
      errors.push({ field: 'tokenDays', message: msg('Nhập số ngày từ 1 đến 366', { id: 'admin.survey.daysInvalid' }) });
    }
    const surveyUrl = String(data.get('surveyUrl') ?? '').trim();
    return this.io.submit(event, errors, async () => {
      const s = this.settings!;
      // Only what the admin changed is sent, so the change log says only that.
      const update: SurveySettingsUpdate = {};
      if ([...channels].sort().join() !== [...s.publishedChannels].sort().join()) update.publishedChannels = channels;
      if (Number(days) !== s.dossierTokenDays) update.dossierTokenDays = Number(days);
      if (surveyUrl !== (s.surveyUrl ?? '')) update.surveyUrl = surveyUrl || null;
      if (catalogue) update.fields = null;
      else if (s.fieldsSource === 'unit' || fields.join('\n') !== s.fields.join('\n')) update.fields = fields;
      this.show(await this.admin<SurveySettings>('survey-settings', { method: 'PATCH', body: update }));
      this.io.notice = msg('Đã lưu cài đặt khảo sát; thay đổi được ghi vào nhật ký quản trị.', { id: 'admin.survey.saved' });
      return '#survey-status';
    }, {
      field: 'surveyUrl',
      fields: ['surveyUrl', 'publishedChannels', 'dossierTokenDays', 'fields'],
      rename: { dossierTokenDays: 'tokenDays', publishedChannels: 'channel-dossier', fields: 'new-field' },
    });
  }

  private renderFields(s: SurveySettings) {
    return html`<fieldset>
      <legend>${msg('Lĩnh vực, bộ phận được đánh giá', { id: 'admin.survey.fields' })}</legend>
      <p class="hint" id="fields-hint">
        ${s.fieldsSource === 'catalogue'
          ? msg('Đang dùng các lĩnh vực của danh mục thủ tục. Sửa, thêm hoặc bỏ rồi lưu để đơn vị có danh sách riêng.', { id: 'admin.survey.fromCatalogue' })
          : msg('Danh sách do quản trị viên đặt. Phiếu ghi lĩnh vực ngoài danh sách bị từ chối; phiếu cũ vẫn đọc được trong báo cáo cũ.', { id: 'admin.survey.fromUnit' })}
      </p>
      <ul class="fields">
        ${this.fields.map(
          (name, i) => html`<li>
            <label class="visually-hidden" for="field-${i}">${msg(str`Tên lĩnh vực thứ ${i + 1}`, { id: 'admin.survey.fieldLabel' })}</label>
            <input id="field-${i}" name="field-${i}" .value=${name} autocomplete="off"
              aria-invalid=${this.io.invalid(`field-${i}`) ? 'true' : 'false'}
              aria-describedby=${this.io.describedBy(`field-${i}`)}
              @input=${(e: Event) => (this.fields[i] = (e.target as HTMLInputElement).value)} />
            <button type="button" class="secondary" aria-label=${msg(str`Bỏ lĩnh vực ${name}`, { id: 'admin.survey.removeLabel' })} @click=${() => this.removeField(i)}>
              ${msg('Bỏ', { id: 'admin.survey.remove' })}
            </button>
            ${this.io.error(`field-${i}`)}
          </li>`,
        )}
      </ul>
      <label for="new-field">${msg('Thêm lĩnh vực', { id: 'admin.survey.addLabel' })}</label>
      ${this.io.error('new-field')}
      <div class="add-field">
        <input id="new-field" autocomplete="off" aria-invalid=${this.io.invalid('new-field') ? 'true' : 'false'}
          aria-describedby=${this.io.describedBy('new-field')}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              this.addField();
            }
          }} />
        <button type="button" class="secondary" @click=${() => this.addField()}>${msg('Thêm vào danh sách', { id: 'admin.survey.add' })}</button>
      </div>
      ${s.fieldsSource === 'unit'
        ? html`<p><button type="button" class="secondary" ?disabled=${this.io.busy} @click=${(e: Event) => void this.save(e, true)}>
            ${msg('Trở về lĩnh vực của danh mục thủ tục', { id: 'admin.survey.catalogue' })}
          </button></p>`
        : nothing}
    </fieldset>`;
  }

  override render() {
    const s = this.settings;
    const title = html`<h2>${msg('Cài đặt khảo sát', { id: 'admin.survey.title' })}</h2>`;
    if (!s) return html`${title}${this.io.status('survey-status', false)}`;
    return html`${title}
      ${this.io.status('survey-status')}
      <form class="add" novalidate @submit=${(e: SubmitEvent) => void this.save(e)}>
        ${this.io.summary(msg('Chưa lưu được', { id: 'admin.settings.error' }))}
        ${this.io.field({
          id: 'surveyUrl',
          type: 'url',
          label: msg('Trang khảo sát của đơn vị', { id: 'admin.survey.url' }),
          hint: msg('Trang có phiếu khảo sát (sipas-survey) trên website của đơn vị. Mã QR trên nhãn hồ sơ dẫn về trang này.', { id: 'admin.survey.urlHint' }),
          value: s.surveyUrl ?? '',
        })}
        ${this.renderFields(s)}
        <fieldset class="choices">
          <legend>${msg('Kênh tính vào chỉ số công bố', { id: 'admin.survey.channels' })}</legend>
          <p class="hint">${msg('Phiếu của các kênh khác vẫn được lưu và hiện riêng trong báo cáo.', { id: 'admin.survey.channelsHint' })}</p>
          ${this.io.error('channel-dossier')}
          ${(['dossier', 'kiosk', 'web'] as const).map(
            (channel) => html`<label for="channel-${channel}">
              <input type="checkbox" id="channel-${channel}" name="channel" value=${channel} .checked=${s.publishedChannels.includes(channel)} />
              ${channelName(channel)}
            </label>`,
          )}
        </fieldset>
        ${this.io.field({
          id: 'tokenDays',
          type: 'number',
          inputmode: 'numeric',
          label: msg('Số ngày dùng được mã QR hồ sơ', { id: 'admin.survey.days' }),
          hint: msg('Tính từ ngày in nhãn; từ 1 đến 366 ngày.', { id: 'admin.survey.daysHint' }),
          value: String(s.dossierTokenDays),
        })}
        <p class="hint">${msg(str`Khoá ký mã QR của đơn vị: ${s.dossierKeyId}`, { id: 'admin.survey.key' })}</p>
        <button type="submit" ?disabled=${this.io.busy}>${msg('Lưu cài đặt khảo sát', { id: 'admin.survey.save' })}</button>
      </form>`;
  }
}
