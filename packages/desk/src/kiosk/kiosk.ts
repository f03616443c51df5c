/**
 * The counter kiosk page (/kiosk/): a tablet opens the pairing address it scanned from the desk's
 * QR code (`/kiosk/#unit=…&code=…`), exchanges the one-time code for its kiosk key, keeps the key
 * on this device only, and shows the survey in kiosk mode. Opened again later, it uses the kept
 * key. No Lit here: the survey element comes from /sipas/sipas.js like on any ward page.
 */
import type { KioskPairing, Problem, PublicUnit } from '@sipas/schema';

const STORE = 'sipas-kiosk';

interface Paired {
  unit: string;
  label: string;
  key: string;
}

const main = document.getElementById('kiosk')!;
const title = document.getElementById('kiosk-title')!;

function say(text: string): void {
  main.replaceChildren();
  const p = document.createElement('p');
  p.className = 'message';
  p.id = 'kiosk-status';
  p.setAttribute('role', 'status');
  p.textContent = text;
  main.append(p);
}

function stored(): Paired | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? 'null') as Paired | null;
    return value?.key && value.unit ? value : undefined;
  } catch {
    return undefined;
  }
}

async function pair(unit: string, code: string): Promise<Paired | undefined> {
  let response: Response;
  try {
    response = await fetch('/v1/kiosk/pairings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ unit, code }),
    });
  } catch {
    say('Không kết nối được máy chủ để nhận khóa. Kiểm tra mạng của máy rồi mở lại địa chỉ vừa quét.');
    return undefined;
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    say(
      response.status === 410
        ? 'Mã QR này đã được dùng hoặc đã hết hạn. Xin quản trị viên cấp mã mới tại Bàn làm việc → Kiosk, rồi quét lại.'
        : (problem?.title ?? `Không nhận được khóa (HTTP ${response.status}).`),
    );
    return undefined;
  }
  const paired = (await response.json()) as KioskPairing;
  localStorage.setItem(STORE, JSON.stringify(paired));
  return paired;
}

async function start(): Promise<void> {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const [unit, code] = [fragment.get('unit'), fragment.get('code')];
  // The code leaves the address bar at once: it must not stay in history or be photographed.
  if (code) history.replaceState(null, '', location.pathname);
  const kiosk = unit && code ? await pair(unit, code) : stored();
  if (!kiosk) {
    if (!code) say('Máy này chưa được ghép nối. Quản trị viên mở Bàn làm việc → Kiosk → "Cấp khóa và hiện mã QR", rồi quét mã bằng máy này.');
    return;
  }
  try {
    const info = (await (await fetch(`/v1/units/${encodeURIComponent(kiosk.unit)}`)).json()) as PublicUnit;
    if (info.name) title.textContent = `${info.name} · ${kiosk.label}`;
  } catch {
    title.textContent = kiosk.label;
  }
  const survey = document.createElement('sipas-survey');
  survey.setAttribute('mode', 'kiosk');
  survey.setAttribute('unit', kiosk.unit);
  survey.setAttribute('kiosk-key', kiosk.key);
  survey.setAttribute('reset-after', '15');
  survey.setAttribute('idle-after', '120');
  main.replaceChildren(survey);
}

void start();
