import type { Page } from 'playwright-core';

/** Waits for the signed-in desk's sections: the tabs, or on a narrow screen the button they fold under. */
export async function deskSections(page: Page): Promise<void> {
  await page.locator('sipas-desk [role=tablist], sipas-desk #sections-toggle').first().waitFor();
}

/** The names of the sections the member can open, in order. */
export async function deskSectionNames(page: Page): Promise<string[]> {
  await deskSections(page);
  const narrow = (await page.locator('sipas-desk #sections-toggle').count()) > 0;
  const names = await page.locator(narrow ? 'sipas-desk #sections-list button' : 'sipas-desk [role=tab]').allTextContents();
  return names.map((name) => name.trim());
}

/** Opens a section as a person does: its tab, or on a narrow screen the sections' button and then the section. */
export async function openDeskSection(page: Page, name: string): Promise<void> {
  await deskSections(page);
  const toggle = page.locator('sipas-desk #sections-toggle');
  if ((await toggle.count()) > 0) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();
  } else {
    await page.getByRole('tab', { name, exact: true }).click();
  }
  await page.locator('sipas-desk #panel').waitFor();
}
