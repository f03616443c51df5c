import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/desk/src/define.js';
import type { SipasDesk } from '../../packages/desk/src/app/desk.js';
import { testServer, waitFor } from './commands.js';

/** One sign-in per account for a whole test file (sign-ins are limited per address); each desk reuses it. */
const sessions = new Map<string, string>();

/** A `<sipas-desk>` already signed in as `username`, its tabs drawn. */
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
  await waitFor(() => el.shadowRoot!.querySelector('[role=tablist]'), 'the desk tabs');
  return el;
}

export const deskTabs = (el: SipasDesk) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')];
