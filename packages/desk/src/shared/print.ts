/**
 * Printing from inside the desk's shadow roots would print the whole desk, so a panel puts a copy
 * of what it prints (an element `tag`, given `values`) directly under <body>, with a page-level
 * print style (`styles`, which shows only that copy), and opens the print dialog.
 */
export function printCopy<T extends HTMLElement>(tag: string, styles: string, values: Partial<T>): void {
  const styleId = `${tag}-print-style`;
  if (!document.getElementById(styleId)) {
    const style = document.createElement('style');
    style.id = styleId;
    style.textContent = styles;
    document.head.append(style);
  }
  let copy = document.querySelector<T>(`${tag}[data-print]`);
  if (!copy) {
    copy = document.createElement(tag) as T;
    copy.dataset.print = '';
    document.body.prepend(copy);
  }
  Object.assign(copy, values);
  // Let the copy render before the print dialog snapshots the page.
  requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
}
