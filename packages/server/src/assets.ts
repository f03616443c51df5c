import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the server finds the files it serves. Everything is looked up through package
 * resolution or relative to this package's own folder, never through a path into the
 * repository, so an `npm install @sipas/server` finds the same files as a clone does.
 */
const require = createRequire(import.meta.url);

/** The folder holding a package's exported file, when the package is installed and the file built. */
export function packageFileDir(specifier: string): string | undefined {
  try {
    return dirname(require.resolve(specifier));
  } catch {
    return undefined;
  }
}

/** The built script-tag bundle and its chunks: the `dist` folder of the installed @sipas/widgets. */
export const bundledWidgetsDir = (): string | undefined => packageFileDir('@sipas/widgets/sipas.js');

/** A file or folder shipped inside @sipas/server itself (`site/`, `migrations/`…); the desk is the @sipas/desk package, found the same way as the widgets. */
export const serverAsset = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The demo ward site and the embed configurator, copied into the package at build time
 * (scripts/server-assets.mjs) from the repository's demo/ folder.
 */
export const siteDir = (): string | undefined => {
  const dir = serverAsset('site');
  return existsSync(`${dir}/index.html`) ? dir : undefined;
};
