import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * A front-end developer's project: Vite + strict TypeScript in a temp folder that installs the
 * packed @sipas/widgets (and @sipas/schema) tarballs the way npm users get them, typechecks
 * `document.createElement('sipas-survey')`, its events and the script tag's global, and builds.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
const versionOf = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const MAIN_TS = `import '@sipas/widgets/define';
import type { SipasSurvey } from '@sipas/widgets';

// The tag map: createElement knows the class, so properties and methods are typed.
const survey = document.createElement('sipas-survey');
const typed: SipasSurvey = survey;
typed.unit = 'phuong-tan-hoa';
survey.setAttribute('endpoint', 'https://sipas.example.gov.vn/');

// Events carry typed details.
survey.addEventListener('sipas-survey-submitted', (event) => {
  const code: string = event.detail.receipt.receipt;
  console.log(code);
});
// @ts-expect-error a member the detail does not have is an error
survey.addEventListener('sipas-survey-queued', (event) => event.detail.nothingHere);
// @ts-expect-error the element has no such property
survey.nothingHere = 1;

// The script tag's global, for pages that also load sipas.js.
window.SipasWidgets?.setLocale('en');
// @ts-expect-error the global exposes only what sipas.js really has
window.SipasWidgets?.noSuchFunction();

document.body.append(survey);
`;

describe('a Vite + TypeScript project installing the packed @sipas/widgets', () => {
  let dir: string;
  let project: string;
  let packs: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipas-consumer-'));
    const packDir = join(dir, 'packs');
    mkdirSync(packDir);
    await npm(['pack', '--silent', '--workspace', '@sipas/schema', '--workspace', '@sipas/widgets', '--pack-destination', packDir], root);
    packs = readdirSync(packDir).map((file) => join(packDir, file));
    project = join(dir, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'ward-portal',
        private: true,
        type: 'module',
        devDependencies: { vite: versionOf('vite'), typescript: versionOf('typescript') },
      }),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          // The published declarations themselves must typecheck too.
          skipLibCheck: false,
        },
        include: ['src'],
      }),
    );
    writeFileSync(join(project, 'index.html'), '<!doctype html><html lang="vi"><body><script type="module" src="/src/main.ts"></script></body></html>\n');
    writeFileSync(join(project, 'src/main.ts'), MAIN_TS);
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...packs], project);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('typechecks the elements, their events and window.SipasWidgets under strict TypeScript', async () => {
    const tsc = join(project, 'node_modules/.bin/tsc');
    const result = await run(tsc, ['-p', '.'], { cwd: project }).catch((error: { stdout: string }) => error);
    assert.equal((result as { stdout: string }).stdout, '', 'tsc reported errors');
  });

  it('builds with Vite', async () => {
    await run(join(project, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: project });
    const assets = readdirSync(join(project, 'dist/assets'));
    const bundle = assets.filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(project, 'dist/assets', file), 'utf8')).join('\n');
    assert.match(bundle, /sipas-survey/);
  });

  it('ships its manifest and editor data inside the package, with paths relative to it', () => {
    const pkgDir = join(project, 'node_modules/@sipas/widgets');
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, any>;
    assert.equal(pkg.customElements, './custom-elements.json');
    const manifest = JSON.parse(readFileSync(join(pkgDir, pkg.customElements), 'utf8')) as { modules: { path: string; declarations?: any[] }[] };
    const elements = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName));
    assert.deepEqual(elements.sort(), ['sipas-badge', 'sipas-feedback', 'sipas-procedures', 'sipas-survey']);
    for (const mod of manifest.modules) assert.ok(existsSync(join(pkgDir, mod.path)), `${mod.path} is in the package`);
    const webTypes = JSON.parse(readFileSync(join(pkgDir, pkg['web-types']), 'utf8'));
    assert.deepEqual(webTypes.contributions.html.elements.map((e: { name: string }) => e.name).sort(), elements.sort());
    const vscode = JSON.parse(readFileSync(join(pkgDir, 'vscode.html-custom-data.json'), 'utf8'));
    const survey = vscode.tags.find((t: { name: string }) => t.name === 'sipas-survey');
    assert.deepEqual(survey.attributes.find((a: { name: string }) => a.name === 'mode').values, [{ name: 'web' }, { name: 'kiosk' }]);
    assert.ok(JSON.parse(readFileSync(join(pkgDir, 'vscode.css-custom-data.json'), 'utf8')).properties.some((p: { name: string }) => p.name === '--sipas-color-primary'));
    assert.equal(pkg.publishConfig.access, 'public');
  });
});
