import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/desk/src/define.js';
import type { SipasDesk } from '../../packages/desk/src/app/desk.js';
import { testServer, waitFor } from './commands.js';

/** One sign-in per account for a whole test file (sign-ins are limited per address); each desk reuses it. */
const sessions = new Map<string, string>();

/** A `<sipas-desk>` already signed in as `username`, its sections drawn (tabs, or on a narrow screen the folded list). */
export async function signedInDesk(username: string, password: string): Promise<SipasDesk> {
  const { endpoint, unit } = testServer();
  if (!sessions.has(username)) {
    const response = await fetch(`${endpoint}/v1/staff/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit, username, password }),
    });
    expect(response.status).to.equal(201);
    sessions.set(username, await response.text());
  }
  sessionStorage.clear();
  sessionStorage.setItem('sipas-desk-session', sessions.get(username)!);
  const el = await fixture<SipasDesk>(html`<sipas-desk endpoint=${endpoint} unit=${unit}></sipas-desk>`);
  await waitFor(() => el.shadowRoot!.querySelector('[role=tablist], #sections-toggle'), 'the desk sections');
  return el;
}

/** The panel elements' tags, by section name (the clerk's four first, as the desk orders them). */
export const SECTIONS = [
  ['Báo cáo', 'sipas-desk-report'],
  ['Phản ánh, kiến nghị', 'sipas-desk-feedback'],
  ['Nhãn QR hồ sơ', 'sipas-desk-labels'],
  ['Hòm phiếu', 'sipas-desk-ballot'],
  ['Tài khoản', 'sipas-desk-accounts'],
  ['Kiosk', 'sipas-desk-kiosks'],
  ['Trang web được phép', 'sipas-desk-origins'],
  ['Cài đặt phản ánh', 'sipas-desk-settings'],
  ['Cài đặt khảo sát', 'sipas-desk-survey'],
  ['Ngày nghỉ lễ', 'sipas-desk-holidays'],
  ['Nhập thủ tục', 'sipas-desk-imports'],
  ['Nhật ký quản trị', 'sipas-desk-changes'],
] as const;

export const deskTabs = (el: SipasDesk) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')];

/** On a narrow screen: the button the sections fold under, if shown. */
export const sectionsToggle = (el: SipasDesk) => el.shadowRoot!.querySelector<HTMLButtonElement>('#sections-toggle');

/** On a narrow screen: the sections' buttons in the (folded or unfolded) list. */
export const sectionButtons = (el: SipasDesk) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('#sections-list button')];

/** What the member can open, in order: the tabs' names, or the narrow list's. */
export const sectionNames = (el: SipasDesk) => (sectionsToggle(el) ? sectionButtons(el) : deskTabs(el)).map((b) => b.textContent!.trim());

export type Panel = HTMLElement & { shadowRoot: ShadowRoot };

/**
 * Opens a section with the keyboard — its tab focused and Enter, or on a narrow screen the
 * sections' button, Enter, the section's button in the list, Enter — and returns its panel
 * element once it has loaded.
 */
export async function openSection(el: SipasDesk, name: string, tag: string): Promise<Panel> {
  const toggle = sectionsToggle(el);
  if (toggle) {
    toggle.focus();
    if (toggle.getAttribute('aria-expanded') !== 'true') await sendKeys({ press: 'Enter' });
    await waitFor(() => toggle.getAttribute('aria-expanded') === 'true', 'the sections unfolded');
  }
  const target = (toggle ? sectionButtons(el) : deskTabs(el)).find((t) => t.textContent!.trim() === name);
  expect(target, `the section ${name}`).to.exist;
  target!.focus();
  await sendKeys({ press: 'Enter' });
  const panel = (await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>(tag), tag))!;
  await waitFor(() => panel.shadowRoot && !panel.shadowRoot.textContent!.includes('Đang tải'), `${tag} loaded`);
  return panel as Panel;
}
