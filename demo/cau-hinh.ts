/**
 * The embed configurator (demo/cau-hinh.html): a form → the exact snippet a webmaster pastes, a
 * live preview of that very snippet in a frame (the real sipas.js from the chosen endpoint), and
 * an A4 QR poster for the counter. Built by `vite build --mode configurator` into demo/dist/.
 */
import { checkOrigin } from '@sipas/schema';
import qrcode from 'qrcode-generator';

type Tag = 'survey' | 'procedures' | 'feedback' | 'badge';

export interface EmbedConfig {
  element: Tag;
  endpoint: string;
  unit: string;
  questionnaire: string;
  layout: string;
  expanded: boolean;
  locale: 'vi' | 'en';
  primary: string;
  radius: string;
  font: string;
}

const DEFAULT_PRIMARY = '#a50e0e';
const UNIT = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('cfg');

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An absolute endpoint ending in `/`, or undefined when it is not an http(s) URL. */
export function normalizeEndpoint(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.search = '';
    url.hash = '';
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return undefined;
  }
}

/** The snippet to paste: a theme block if anything differs from the defaults, download hints, the script tag, the element. */
export function snippet(config: EmbedConfig): string {
  const endpoint = normalizeEndpoint(config.endpoint) ?? config.endpoint;
  const tag = `sipas-${config.element}`;
  const lines: string[] = [];
  const tokens: string[] = [];
  if (config.primary.toLowerCase() !== DEFAULT_PRIMARY) {
    tokens.push(`--sipas-color-primary: ${config.primary};`);
    if (contrast(config.primary, '#ffffff') < 4.5) tokens.push('--sipas-color-on-primary: #1f1f1f;');
  }
  if (config.font) tokens.push(`--sipas-font-family: ${config.font};`);
  if (config.radius) tokens.push(`--sipas-radius: ${config.radius};`);
  if (tokens.length) lines.push('<style>', `  ${tag} {`, ...tokens.map((t) => `    ${t}`), '  }', '</style>');
  // Hints that start, with the page itself, what sipas.js would ask for only once it has arrived and
  // run (a round trip later on a phone): the element's code under its stable name, which sipas.js
  // then imports (chunks/sipas-survey.js: the same across upgrades), and the survey's first data,
  // which sipas.js fetches as it starts (the same URL: its questionnaire, else its unit). Both travel
  // in CORS mode without credentials (`crossorigin`), as sipas.js asks for them.
  if (normalizeEndpoint(config.endpoint)) {
    lines.push(`<link rel="modulepreload" href="${escapeAttr(new URL(`sipas/chunks/${tag}.js`, endpoint).href)}" crossorigin>`);
    if (config.element === 'survey' && (config.questionnaire || config.unit)) {
      const data = config.questionnaire ? `questionnaires/${encodeURIComponent(config.questionnaire)}` : `units/${encodeURIComponent(config.unit)}`;
      lines.push(`<link rel="preload" href="${escapeAttr(new URL(`v1/${data}`, endpoint).href)}" as="fetch" crossorigin>`);
    }
  }
  const data = [`src="${escapeAttr(new URL('sipas/sipas.js', endpoint).href)}"`, `data-endpoint="${escapeAttr(endpoint)}"`, `data-unit="${escapeAttr(config.unit)}"`];
  if (config.locale === 'en') data.push('data-locale="en"');
  lines.push(`<script ${data.join(' ')} defer></script>`);
  const attrs: string[] = [];
  if (config.element === 'survey') {
    if (config.questionnaire) attrs.push(`questionnaire="${escapeAttr(config.questionnaire)}"`);
    if (config.layout && config.layout !== 'steps') attrs.push(`layout="${escapeAttr(config.layout)}"`);
  }
  if (config.element === 'badge' && config.expanded) attrs.push('expanded');
  lines.push(`<${tag}${attrs.map((a) => ` ${a}`).join('')}></${tag}>`);
  return lines.join('\n');
}

/** The survey page with the parameters <sipas-survey> reads from the URL (`channel`, `field`, `token`). */
export function surveyUrl(page: string, params: Record<string, string | undefined>): string | undefined {
  let url: URL;
  try {
    url = new URL(page.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
  return url.href;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A QR code as an SVG element (error correction M, 4-module quiet zone), built with DOM calls only. */
function qrSvg(text: string, label: string): SVGSVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text); // URL.href is ASCII: anything else is percent-encoded
  qr.make();
  const count = qr.getModuleCount();
  const size = count + 8;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#fff');
  svg.append(bg);
  let d = '';
  for (let row = 0; row < count; row++) for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(path);
  svg.dataset['text'] = text;
  return svg;
}

function read(): EmbedConfig {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    element: (text('element') || 'survey') as Tag,
    endpoint: text('endpoint'),
    unit: text('unit'),
    questionnaire: text('questionnaire'),
    layout: text('layout'),
    expanded: data.get('expanded') !== null,
    locale: text('locale') === 'en' ? 'en' : 'vi',
    primary: text('primary') || DEFAULT_PRIMARY,
    radius: text('radius'),
    font: text('font'),
  };
}

function setError(input: HTMLInputElement, errorId: string, message: string | undefined): void {
  const error = byId<HTMLParagraphElement>(errorId);
  error.textContent = message ?? '';
  error.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let lastPreview = '';
let unitChecked = '';

function render(): void {
  const config = read();
  for (const el of document.querySelectorAll<HTMLElement>('[data-for]')) el.hidden = el.dataset['for'] !== config.element;

  const endpoint = normalizeEndpoint(config.endpoint);
  setError(byId('endpoint'), 'endpoint-error', endpoint ? undefined : 'Nhập địa chỉ đầy đủ, bắt đầu bằng https:// · Enter a full https:// URL');
  const unitOk = UNIT.test(config.unit);
  const unitStatus = byId<HTMLParagraphElement>('unit-status');
  if (!unitOk) {
    byId('unit').setAttribute('aria-invalid', 'true');
    unitStatus.className = 'status bad';
    unitStatus.textContent = 'Mã đơn vị chỉ gồm chữ thường không dấu, số và gạch ngang · lower-case letters, digits and hyphens only';
  } else byId('unit').removeAttribute('aria-invalid');

  const ratio = contrast(config.primary, '#ffffff');
  const contrastStatus = byId<HTMLParagraphElement>('contrast');
  contrastStatus.className = ratio >= 4.5 ? 'status good' : 'status bad';
  contrastStatus.textContent =
    ratio >= 4.5
      ? `Chữ trắng trên màu này: tương phản ${ratio.toFixed(1).replace('.', ',')} : 1 — đạt (≥ 4,5 : 1) · contrast OK`
      : `Chữ trắng trên màu này chỉ đạt ${ratio.toFixed(1).replace('.', ',')} : 1 (< 4,5 : 1): đoạn mã dùng chữ tối trên nút · dark text will be used`;
  for (const button of document.querySelectorAll<HTMLButtonElement>('#presets button'))
    button.setAttribute('aria-pressed', String(button.dataset['primary'] === config.primary.toLowerCase()));

  const code = snippet(config);
  byId<HTMLTextAreaElement>('snippet').value = code;

  if (endpoint && unitOk) {
    if (unitChecked !== `${endpoint}|${config.unit}`) checkUnit(endpoint, config.unit);
    schedulePreview(config, code);
  }
  renderSite(endpoint, config.unit);
  renderPoster(config);
  renderReceipt();
}

/**
 * Where the snippet goes decides whether it works: the unit must allow that page's origin. Says
 * exactly which address to allow, and links the unit's admin straight to the desk tab that does it.
 */
function renderSite(endpoint: string | undefined, unit: string): void {
  const status = byId<HTMLParagraphElement>('site-status');
  const typed = byId('site').value.trim();
  status.replaceChildren();
  if (!typed) return;
  let origin: string | undefined;
  try {
    origin = new URL(typed).origin;
  } catch {
    origin = undefined;
  }
  const checked = origin ? checkOrigin(origin) : undefined;
  if (!checked?.ok) {
    status.className = 'status bad';
    status.textContent = 'Nhập địa chỉ đầy đủ của trang, bắt đầu bằng https:// · Enter the full page address';
    return;
  }
  status.className = 'status';
  status.append(
    `Quản trị viên của đơn vị ${unit || '…'} cần cho phép đúng địa chỉ ${checked.origin} (thẻ "Trang web được phép" của Bàn làm việc cán bộ). `,
  );
  if (endpoint) {
    const link = document.createElement('a');
    link.href = `${endpoint}desk/?them-trang=${encodeURIComponent(checked.origin)}#origins`;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = `Mở Bàn làm việc để cho phép ${checked.origin} · Open the desk to allow it`;
    status.append(link);
  }
}

function schedulePreview(config: EmbedConfig, code: string): void {
  const guard = new URL('cau-hinh-xem-truoc.js', location.href).href;
  const page = `<!doctype html><html lang="${config.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>preview</title></head>
<body style="margin:0;padding:12px;background:#fff;font-family:Arial,sans-serif">
<script src="${escapeAttr(guard)}"></script>
${code}
</body></html>`;
  if (page === lastPreview) return;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    lastPreview = page;
    const frame = byId<HTMLIFrameElement>('preview');
    frame.dataset['snippet'] = code; // what the frame shows, for the tests and the curious
    frame.srcdoc = page;
  }, 350);
}

async function checkUnit(endpoint: string, unit: string): Promise<void> {
  unitChecked = `${endpoint}|${unit}`;
  const status = byId<HTMLParagraphElement>('unit-status');
  status.className = 'status';
  status.textContent = 'Đang kiểm tra… · checking…';
  try {
    const response = await fetch(new URL(`v1/units/${encodeURIComponent(unit)}`, endpoint), { credentials: 'omit' });
    if (unitChecked !== `${endpoint}|${unit}`) return;
    if (response.status === 404) {
      status.className = 'status bad';
      status.textContent = 'Máy chủ không có đơn vị này · the endpoint has no such unit';
      return;
    }
    const data = (await response.json()) as { name: string; questionnaire: string };
    void loadFields(endpoint, unit);
    status.className = 'status good';
    status.textContent = `✓ ${data.name} — bộ câu hỏi mặc định ${data.questionnaire}`;
    const name = byId('unit-name');
    if (!name.value || name.dataset['auto'] === 'true') {
      name.value = data.name;
      name.dataset['auto'] = 'true';
      renderPoster(read());
    }
  } catch {
    if (unitChecked !== `${endpoint}|${unit}`) return;
    status.className = 'status';
    status.textContent =
      'Không kiểm tra được từ trang này (máy chủ khác chưa cho phép địa chỉ này); đoạn mã vẫn dùng được · could not check from here';
  }
}

/** Offers the unit's closed list of fields only: a value outside it would be refused (400). */
async function loadFields(endpoint: string, unit: string): Promise<void> {
  const select = byId<HTMLSelectElement>('field');
  const chosen = select.value;
  try {
    const response = await fetch(new URL(`v1/units/${encodeURIComponent(unit)}/fields`, endpoint), { credentials: 'omit' });
    if (!response.ok || unitChecked !== `${endpoint}|${unit}`) return;
    const { fields } = (await response.json()) as { fields: string[] };
    const none = select.options[0]!;
    select.replaceChildren(none, ...fields.map((field) => new Option(field, field, false, field === chosen)));
    render();
  } catch {
    // Another server that does not allow this page: the list stays empty, "none" still works.
  }
}

/** The address as people read it (Vietnamese letters rather than %-escapes); the QR keeps the exact URL. */
function readable(url: string): string {
  try {
    return decodeURI(url).replace(/\+/g, ' ');
  } catch {
    return url;
  }
}

function renderPoster(config: EmbedConfig): void {
  const poster = byId('poster');
  poster.style.setProperty('--poster-color', contrast(config.primary, '#ffffff') >= 4.5 ? config.primary : '#1f1f1f');
  byId('poster-unit').textContent = byId('unit-name').value.trim() || config.unit || 'UBND phường, xã';
  const field = byId('field').value.trim();
  byId('poster-field').textContent = field;
  const page = byId('survey-page').value.trim();
  const url = page ? surveyUrl(page, { channel: 'qr', field: field || undefined }) : undefined;
  setError(byId('survey-page'), 'survey-page-error', page && !url ? 'Nhập địa chỉ đầy đủ, bắt đầu bằng https:// · Enter a full URL' : undefined);
  const box = byId('poster-qr');
  const status = byId('poster-url-status');
  if (!url) {
    box.replaceChildren();
    byId('poster-url').textContent = '';
    status.textContent = 'Nhập địa chỉ trang khảo sát để tạo mã QR · enter the survey page URL';
    byId<HTMLButtonElement>('print').disabled = true;
    return;
  }
  if (box.firstElementChild?.getAttribute('data-text') !== url) box.replaceChildren(qrSvg(url, `Mã QR: ${url}`));
  byId('poster-url').textContent = readable(url);
  status.textContent = '';
  byId<HTMLButtonElement>('print').disabled = false;
}

/** A sample token of real length (version, key id, date, codes, 64-byte signature): shows the QR's size. */
const SAMPLE_TOKEN = 'AQ' + 'mau-khong-dung-duoc_'.repeat(7);

function renderReceipt(): void {
  const page = byId('survey-page').value.trim() || 'https://phuong.gov.vn/khao-sat.html';
  const template = surveyUrl(page, { channel: 'qr' });
  byId('receipt-template').textContent = template ? `${template.replace(/\?.*/, '')}?token={MÃ_QR_HỒ_SƠ}&channel=qr` : '';
  const url = surveyUrl(page, { token: SAMPLE_TOKEN, channel: 'qr' });
  const link = byId<HTMLAnchorElement>('receipt-url');
  const box = byId('receipt-qr');
  if (!url) {
    link.textContent = '';
    box.replaceChildren();
    return;
  }
  link.href = url;
  link.textContent = url;
  if (box.firstElementChild?.getAttribute('data-text') !== url) box.replaceChildren(qrSvg(url, `Mã QR phiếu hẹn (mẫu): ${url}`));
}

async function copy(): Promise<void> {
  const area = byId<HTMLTextAreaElement>('snippet');
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    area.focus();
    area.select();
    document.execCommand('copy');
  }
  status.textContent = 'Đã sao chép · copied';
  setTimeout(() => (status.textContent = ''), 4000);
}

function start(): void {
  // On the demo site the survey page is this site's; at /cau-hinh/ of a bare server there is no site.
  const onDemoSite = /\/cau-hinh\.html$/.test(location.pathname);
  byId('site-menu').hidden = !onDemoSite;
  const query = new URLSearchParams(location.search);
  byId('endpoint').value = query.get('endpoint') ?? `${location.origin}/`;
  byId('unit').value = query.get('unit') ?? 'phuong-tan-hoa';
  byId('survey-page').value = query.get('page') ?? (onDemoSite ? new URL('khao-sat.html', location.href).href : '');
  for (const button of document.querySelectorAll<HTMLButtonElement>('#presets button')) {
    button.style.setProperty('--swatch', button.dataset['primary']!);
    button.addEventListener('click', () => {
      byId('primary').value = button.dataset['primary']!;
      render();
    });
  }
  byId('unit-name').addEventListener('input', (event) => delete (event.target as HTMLElement).dataset['auto']);
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('copy').addEventListener('click', () => void copy());
  byId('print').addEventListener('click', () => window.print());
  render();
}

start();
