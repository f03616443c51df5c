import { msg, str } from '@lit/localize';
import type { ProcedureImportPreview, ProcedureImportResult } from '@sipas/schema';
import { html, nothing } from 'lit';
import { AdminPanel } from '../shared/admin-panel.js';
import { importsStyles } from './imports.styles.js';

/** The server's limit (8 MB); checked here too so a wrong file is refused before it is sent. */
const FILE_LIMIT_BYTES = 8 * 1024 * 1024;

/** A file's bytes as base64, the way the import route takes them. */
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * <sipas-desk-imports>: the "Nhập thủ tục" admin tab. The admin uploads the office's file (XLSX,
 * CSV with , ; or tab, JSON; Vietnamese headings or the national database's field names), sees
 * what would be added, changed and removed and every row's problems in Vietnamese with its row and
 * column, then confirms: all written or nothing. Nothing changes before the confirmation.
 */
export class SipasDeskImports extends AdminPanel {
  static override styles = importsStyles;

  static override properties = {
    ...AdminPanel.properties,
    preview: { state: true },
  };

  declare protected preview: ProcedureImportPreview | undefined;

  private upload(event: SubmitEvent): Promise<void> {
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get('file');
    this.preview = undefined;
    const errors =
      !(file instanceof File) || file.size === 0
        ? [{ field: 'file', message: msg('Chọn tệp danh mục thủ tục (XLSX, CSV hoặc JSON)', { id: 'admin.import.fileRequired' }) }]
        : file.size > FILE_LIMIT_BYTES
          ? [{ field: 'file', message: msg('Tệp quá lớn (tối đa 8 MB)', { id: 'admin.import.tooLarge' }) }]
          : [];
    return this.io.submit(event, errors, async () => {
      this.preview = await this.admin<ProcedureImportPreview>('procedure-imports', {
        method: 'POST',
        body: { fileName: (file as File).name, content: await base64(file as File), replace: data.get('replace') === 'on', skipInvalid: data.get('skipInvalid') === 'on' },
      });
      return '.preview';
    }, { field: 'file' });
  }

  private confirm(preview: ProcedureImportPreview): Promise<void> {
    return this.io.submit(null, [], async () => {
      const r = await this.admin<ProcedureImportResult>(`procedure-imports/${encodeURIComponent(preview.id)}/confirm`, { method: 'POST' });
      this.io.notice = msg(str`Đã nhập: thêm ${r.added}, sửa ${r.changed}, bỏ ${r.removed}, giữ nguyên ${r.unchanged} thủ tục.`, { id: 'admin.import.done' });
      this.preview = undefined;
      this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
      return '#import-status';
    }, { field: 'file' });
  }

  private codes(title: string, codes: readonly string[]) {
    return codes.length ? html`<h4>${title}</h4><p class="codes">${codes.join(', ')}</p>` : nothing;
  }

  private renderPreview(p: ProcedureImportPreview) {
    const nf = new Intl.NumberFormat('vi-VN');
    return html`<section class="preview" tabindex="-1" aria-labelledby="preview-title">
      <h3 id="preview-title">${msg(str`Xem trước: ${p.fileName}`, { id: 'admin.import.previewTitle' })}</h3>
      <p>${msg(str`Đọc được ${nf.format(p.total)} dòng (${p.format}); ${nf.format(p.valid)} dòng hợp lệ, ${nf.format(p.invalid.length)} dòng lỗi.`, { id: 'admin.import.read' })}</p>
      <ul>
        <li>${msg(str`Thêm mới: ${nf.format(p.added.length)} thủ tục`, { id: 'admin.import.added' })}</li>
        <li>${msg(str`Sửa: ${nf.format(p.changed.length)} thủ tục`, { id: 'admin.import.changed' })}</li>
        <li>${msg(str`Giữ nguyên: ${nf.format(p.unchanged)} thủ tục`, { id: 'admin.import.unchanged' })}</li>
        <li>${msg(str`Bỏ khỏi danh mục: ${nf.format(p.removed.length)} thủ tục`, { id: 'admin.import.removed' })}</li>
      </ul>
      ${this.codes(msg('Mã thủ tục thêm mới', { id: 'admin.import.addedCodes' }), p.added)}
      ${this.codes(msg('Mã thủ tục được sửa', { id: 'admin.import.changedCodes' }), p.changed)}
      ${this.codes(msg('Mã thủ tục bị bỏ', { id: 'admin.import.removedCodes' }), p.removed)}
      ${p.invalid.length
        ? html`<table>
            <caption>${msg('Dòng lỗi (chưa nhập)', { id: 'admin.import.invalid' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Vị trí', { id: 'admin.import.position' })}</th>
                <th scope="col">${msg('Thủ tục', { id: 'admin.import.procedure' })}</th>
                <th scope="col">${msg('Lỗi', { id: 'admin.import.problems' })}</th>
              </tr>
            </thead>
            <tbody>
              ${p.invalid.map(
                (row) => html`<tr>
                  <td data-label=${msg('Vị trí', { id: 'admin.import.position' })}>${row.position}</td>
                  <td data-label=${msg('Thủ tục', { id: 'admin.import.procedure' })}>${[row.code, row.name].filter(Boolean).join(' — ') || '—'}</td>
                  <td data-label=${msg('Lỗi', { id: 'admin.import.problems' })}><ul>${row.problems.map((problem) => html`<li>${problem}</li>`)}</ul></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${p.canConfirm
        ? html`<p><button type="button" ?disabled=${this.io.busy} @click=${() => void this.confirm(p)}>${msg('Xác nhận nhập vào danh mục', { id: 'admin.import.confirm' })}</button></p>`
        : html`<p class="blocked">
            ${p.invalid.length > 0
              ? msg('Chưa nhập được: sửa các dòng lỗi trong tệp rồi gửi lại, hoặc chọn "Bỏ qua dòng lỗi" để chỉ nhập các dòng hợp lệ.', { id: 'admin.import.blocked' })
              : msg('Tệp không làm thay đổi danh mục: không có gì để nhập.', { id: 'admin.import.nothing' })}
          </p>`}
    </section>`;
  }

  override render() {
    return html`<h2>${msg('Nhập danh mục thủ tục', { id: 'admin.import.title' })}</h2>
      <p>
        ${msg('Gửi tệp danh mục thủ tục của đơn vị: Excel (XLSX), CSV (dấu phẩy, chấm phẩy hoặc tab) hoặc JSON, tiêu đề cột tiếng Việt ("Mã thủ tục", "Tên thủ tục"…) hoặc tên trường của Cơ sở dữ liệu quốc gia. Máy chủ cho xem trước; chỉ khi bấm xác nhận mới ghi.', {
          id: 'admin.import.intro',
        })}
      </p>
      ${this.io.status('import-status')}
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      <form class="add" novalidate @submit=${this.upload}>
        ${this.io.summary(msg('Chưa đọc được tệp', { id: 'admin.import.error' }))}
        <label for="file">${msg('Tệp danh mục', { id: 'admin.import.file' })}</label>
        ${this.io.error('file')}
        <input id="file" name="file" type="file" accept=".xlsx,.csv,.tsv,.txt,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid=${this.io.invalid('file') ? 'true' : 'false'} aria-describedby=${this.io.describedBy('file')} />
        <div class="choices">
          <label for="skipInvalid"><input type="checkbox" id="skipInvalid" name="skipInvalid" /> ${msg('Bỏ qua dòng lỗi, chỉ nhập các dòng hợp lệ', { id: 'admin.import.skip' })}</label>
          <label for="replace"><input type="checkbox" id="replace" name="replace" /> ${msg('Bỏ các thủ tục của đơn vị không có trong tệp', { id: 'admin.import.replace' })}</label>
        </div>
        <p><button type="submit" ?disabled=${this.io.busy}>${msg('Gửi tệp và xem trước', { id: 'admin.import.upload' })}</button></p>
      </form>`;
  }
}
