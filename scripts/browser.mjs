// Finds a Chromium for the browser tests: CHROME_PATH, else the system's, else Playwright's own
// (installed on first use where the network allows), else a clear message how to get one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** Flags that keep a headless Chromium quiet on a closed network and as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function playwrightOwn() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return system;
  const own = await playwrightOwn();
  if (own) return own;
  if (!process.env.CI) {
    console.log('No Chromium found; trying to install Playwright’s (npx playwright-core install chromium)…');
    spawnSync('npx', ['playwright-core', 'install', 'chromium'], { stdio: 'inherit' });
    const installed = await playwrightOwn();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or point CHROME_PATH at a Chrome/Chromium binary, or run `npx playwright-core install chromium` where the network allows.',
  );
}
