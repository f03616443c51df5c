import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SipasDesk } from '../../packages/desk/src/app/desk.js';
import { screenshot, unzoom, waitFor, zoomTo } from '../support/commands.js';
import { deskTabs, openSection, SECTIONS, sectionButtons, sectionNames, sectionsToggle, signedInDesk } from '../support/desk.js';

/**
 * Moving between the desk's sections as staff do: on a wide screen the tabs take one Tab stop
 * and the arrow keys (WAI-ARIA tabs, opened with Enter); on a phone or at 200 % zoom one button
 * that names the section and unfolds the list of them, so the section starts near the top, with no
 * sideways scrolling. Each section has one h2 that names it, under the desk's h1.
 */
const CLERK = ['canbo', 'tanhoa-canbo-demo'] as const;
const ADMIN = ['quantri', 'tanhoa-quantri-demo'] as const;

const signedIn = ([username, password]: readonly [string, string]) => signedInDesk(username, password);
const focusedTab = (el: SipasDesk) => el.shadowRoot!.activeElement?.textContent?.trim();
const selectedTab = (el: SipasDesk) => el.shadowRoot!.querySelector('[role=tab][aria-selected=true]')?.textContent?.trim();
const words = (text: string) => text.toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The narrow sizes (see zoomTo): a 320 px phone; a 640 px window at 200 % (320 CSS px); a
 * 1280 px screen at 200 % (640 CSS px, where twelve tabs would still wrap into rows).
 */
const NARROW = [
  { name: '320 px', width: 320, zoom: 1 },
  { name: '200 % zoom of a 640 px window', width: 640, zoom: 2 },
  { name: '200 % zoom of a 1280 px screen', width: 1280, zoom: 2 },
];

describe('desk sections: tabs, a folded list on a phone, one heading each', () => {
  afterEach(async () => {
    await unzoom();
  });

  it('the tabs take one Tab stop; ← → Home End move along them, Enter opens one', async () => {
    await zoomTo(1280);
    const el = await signedIn(ADMIN);
    const tabs = deskTabs(el);
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(SECTIONS.map(([name]) => name));
    expect(tabs.filter((t) => t.tabIndex === 0).map((t) => t.textContent!.trim()), 'only the open tab is in the Tab order').to.deep.equal(['Báo cáo']);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTab(el)).to.equal('Phản ánh, kiến nghị');
    expect(selectedTab(el), 'moving does not open (each section asks the server)').to.equal('Báo cáo');
    await sendKeys({ press: 'End' });
    expect(focusedTab(el)).to.equal('Nhật ký quản trị');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTab(el), 'right of the last is the first').to.equal('Báo cáo');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedTab(el), 'left of the first is the last').to.equal('Nhật ký quản trị');
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot!.querySelector('sipas-desk-ballot'), 'the ballot section');
    expect(selectedTab(el)).to.equal('Hòm phiếu');
    const tab = el.shadowRoot!.getElementById('tab-ballot')!;
    expect(tab.tabIndex).to.equal(0);
    expect(tab.getAttribute('aria-controls')).to.equal('panel');
    const panel = el.shadowRoot!.getElementById('panel')!;
    expect(panel.getAttribute('role')).to.equal('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).to.equal('tab-ballot');
    // Tab leaves the list for the panel. (The label section instead puts the cursor in its dossier
    // field as it opens, ready for the scanner.)
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id, 'Tab goes to the panel').to.equal('panel');
    await expect(el).to.be.accessible();
    await screenshot('desk-admin-1280');
    el.remove();
    const clerk = await signedIn(CLERK);
    expect(deskTabs(clerk).map((t) => t.textContent!.trim())).to.deep.equal(SECTIONS.slice(0, 4).map(([name]) => name));
    await screenshot('desk-clerk-1280');
  });

  it('every section has one h2 that names it, under the desk’s h1, and no level skipped', async () => {
    const el = await signedIn(ADMIN);
    expect([...el.shadowRoot!.querySelectorAll('h1')].map((h) => h.textContent!.trim())).to.deep.equal(['Bàn làm việc cán bộ']);
    for (const [name, tag] of SECTIONS) {
      const panel = await openSection(el, name, tag);
      const headings = [...panel.shadowRoot.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].filter((h) => !h.closest('.error-summary'));
      const h2s = headings.filter((h) => h.localName === 'h2');
      expect(h2s.length, `${name}: one h2`).to.equal(1);
      expect(headings[0] === h2s[0], `${name}: the h2 comes first`).to.equal(true);
      expect(words(h2s[0]!.textContent!), `${name}: the h2 names it`).to.include.members(words(name));
      let level = 2;
      for (const h of headings) {
        const next = Number(h.localName.slice(1));
        expect(next, `${name}: "${h.textContent!.trim()}" skips no level`).to.be.at.most(level + 1);
        level = next;
      }
    }
  });

  for (const size of NARROW) {
    it(`at ${size.name} the sections fold under one button that names the current one; nothing scrolls sideways`, async () => {
      await zoomTo(size.width, 800, size.zoom);
      const el = await signedIn(ADMIN);
      expect(el.shadowRoot!.querySelector('[role=tablist]'), 'no tab list').to.equal(null);
      const toggle = sectionsToggle(el)!;
      expect(toggle.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Chức năng: Báo cáo');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.closest('nav')!.getAttribute('aria-label')).to.equal('Chức năng');
      // The section starts right under one button, not under rows of tabs.
      expect(toggle.closest('nav')!.getBoundingClientRect().height, 'the sections take one button').to.be.below(100);
      expect(toggle.getBoundingClientRect().height).to.be.at.least(44);
      expect(sectionButtons(el).every((b) => b.offsetParent === null), 'the list folded').to.equal(true);
      const file = size.name.replace(/[^a-z0-9]+/gi, '-');
      await screenshot(`desk-admin-${file}`);
      // Enter unfolds the list; Tab walks it; Escape folds it back onto the button.
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => toggle.getAttribute('aria-expanded') === 'true', 'unfolded');
      expect(sectionNames(el)).to.deep.equal(SECTIONS.map(([name]) => name));
      expect(sectionButtons(el).filter((b) => b.getAttribute('aria-current') === 'true').map((b) => b.textContent!.trim())).to.deep.equal(['Báo cáo']);
      for (const b of sectionButtons(el)) expect(b.getBoundingClientRect().height, `${b.textContent}: a 44 px target`).to.be.at.least(44);
      expect(document.documentElement.scrollWidth, 'unfolded: no sideways scroll').to.be.at.most(innerWidth);
      await expect(el).to.be.accessible();
      await screenshot(`desk-admin-${file}-unfolded`);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Phản ánh, kiến nghị');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => toggle.getAttribute('aria-expanded') === 'false', 'folded');
      expect(el.shadowRoot!.activeElement?.id, 'focus back on the button').to.equal('sections-toggle');
      // Enter on a section opens it, folds the list, and the button names it.
      await sendKeys({ press: 'Enter' });
      await waitFor(() => toggle.getAttribute('aria-expanded') === 'true', 'unfolded again');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      const feedback = (await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('sipas-desk-feedback'), 'the feedback section'))!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Chức năng: Phản ánh, kiến nghị');
      expect(el.shadowRoot!.activeElement?.id, 'focus on the button that now names it').to.equal('sections-toggle');
      await waitFor(() => feedback.shadowRoot?.querySelector('h2'), 'its heading');
      expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(innerWidth);
      await expect(el).to.be.accessible();
      for (const [name, tag] of [
        ['Tài khoản', 'sipas-desk-accounts'],
        ['Nhật ký quản trị', 'sipas-desk-changes'],
      ] as const) {
        await openSection(el, name, tag);
        expect(document.documentElement.scrollWidth, `${name}: no sideways scroll`).to.be.at.most(innerWidth);
        await screenshot(`desk-admin-${file}-${tag.slice('sipas-desk-'.length)}`);
      }
      el.remove();
      const clerk = await signedIn(CLERK);
      expect(sectionNames(clerk)).to.deep.equal(SECTIONS.slice(0, 4).map(([name]) => name));
      await screenshot(`desk-clerk-${file}`);
      for (const [name, tag] of SECTIONS.slice(0, 4)) {
        await openSection(clerk, name, tag);
        expect(document.documentElement.scrollWidth, `clerk, ${name}: no sideways scroll`).to.be.at.most(innerWidth);
        await expect(clerk).to.be.accessible();
        await screenshot(`desk-clerk-${file}-${tag.slice('sipas-desk-'.length)}`);
      }
    });
  }

  it('at 320 px the ballot box opens: its minutes sit in the outline, past openings are cards', async () => {
    await zoomTo(320);
    const el = await signedIn(ADMIN);
    const panel = await openSection(el, 'Hòm phiếu', 'sipas-desk-ballot');
    const root = panel.shadowRoot;
    const witness = root.getElementById('witness-counter-head') as HTMLInputElement;
    witness.focus();
    await sendKeys({ type: 'Nguyen Van Chung' });
    await sendKeys({ press: 'Enter' });
    const heading = (await waitFor(() => root.querySelector<HTMLElement>('#minutes-heading'), 'the minutes'))!;
    await waitFor(() => root.activeElement === heading, 'focus on the minutes');
    expect(heading.localName).to.equal('h3');
    const minutes = root.querySelector('sipas-desk-minutes')!;
    await waitFor(() => minutes.shadowRoot?.querySelector('.title'), 'the minutes drawn');
    expect(minutes.shadowRoot!.querySelector('.title')!.localName, 'BIÊN BẢN under "Biên bản số …"').to.equal('h4');
    expect([...minutes.shadowRoot!.querySelectorAll('.part')].map((h) => h.localName)).to.include('h5');
    expect(getComputedStyle(root.querySelector('tbody tr')!).display, 'past openings are cards').to.equal('block');
    expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(innerWidth);
    await expect(el).to.be.accessible();
    await screenshot('desk-admin-320-px-ballot-opened');
  });

  it('a screen that grows past the narrow width gets the tabs back, on the section it had', async () => {
    await zoomTo(320);
    const el = await signedIn(ADMIN);
    await openSection(el, 'Kiosk', 'sipas-desk-kiosks');
    await zoomTo(1280);
    await waitFor(() => el.shadowRoot!.querySelector('[role=tablist]'), 'the tabs');
    expect(selectedTab(el)).to.equal('Kiosk');
    expect(sectionsToggle(el)).to.equal(null);
  });
});
