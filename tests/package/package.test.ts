import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The packages as shipped: the built Chrome and Firefox extensions (.output/chrome-mv3 and
 * .output/firefox-mv3, made by `npx wxt build` and `npx wxt build -b firefox` — scripts/test-all.sh
 * builds both before this suite; run it alone with `npm run test:package`).
 *
 * - addons-linter (the AMO validator, pinned at 10.13.0) finds no error in the Firefox build, and
 *   no warning other than Preact's own `innerHTML` path (dangerouslySetInnerHTML, unused by us);
 * - least privilege: exactly the permissions the README explains, no host permissions beyond the
 *   content script's, no web-accessible resources, no externally_connectable, the default CSP;
 * - no network code in any bundle (the e2e privacy test checks behaviour; this checks the code);
 * - icons, locales and the Firefox settings (gecko id, ESR 140, data_collection_permissions).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CHROME = join(repoRoot, '.output/chrome-mv3');
const FIREFOX = join(repoRoot, '.output/firefox-mv3');
const BUILDS = { chrome: CHROME, firefox: FIREFOX } as const;
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function manifestOf(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${relative(repoRoot, dir)} is missing: run \`npx wxt build${dir === FIREFOX ? ' -b firefox' : ''}\` first (scripts/test-all.sh does)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The permissions and why (README, "Security and privacy"): a new one needs a reason there, and here. */
const PERMISSIONS = ['activeTab', 'contextMenus', 'storage'];
const ICON_SIZES = ['16', '32', '48', '96', '128'];

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LinterResult {
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
  summary: { errors: number; warnings: number; notices: number };
}

describe('addons-linter on the Firefox build', () => {
  let result: LinterResult;
  const require = createRequire(import.meta.url);

  beforeAll(async () => {
    manifestOf(FIREFOX);
    const linter = require('addons-linter') as { createInstance(o: object): { run(): Promise<LinterResult> } };
    result = await linter
      .createInstance({
        config: { _: [FIREFOX], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false },
        runAsBinary: false,
      })
      .run();
  }, 120_000);

  const show = (ms: LinterMessage[]) => ms.map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''}:${m.column ?? ''} ${m.message}`).join('\n');

  it('is the pinned version, 10.13.0', () => {
    expect((require('addons-linter/package.json') as { version: string }).version).toBe('10.13.0');
  });

  it('reports no errors', () => {
    expect(result.errors, show(result.errors)).toEqual([]);
  });

  it('reports no warnings but Preact’s own innerHTML path, and no notices', () => {
    const unexpected = result.warnings.filter((w) => {
      if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || w.line === undefined || w.column === undefined) return true;
      // Preact's diff: `…dangerouslySetInnerHTML… e.innerHTML=w.__html`: the flagged assignment reads `__html`.
      const line = readFileSync(join(FIREFOX, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
      return !/^\.?innerHTML\s*=\s*\w+\.__html/.test(line.slice(w.column - 1).replace(/^\w+/, ''));
    });
    expect(unexpected, show(unexpected)).toEqual([]);
    expect(result.notices, show(result.notices)).toEqual([]);
  });
});

for (const [browser, dir] of Object.entries(BUILDS)) {
  describe(`the ${browser} manifest`, () => {
    it('is MV3, with the version from package.json and a localized name and description', () => {
      const m = manifestOf(dir);
      expect(m.manifest_version).toBe(3);
      expect(m.version).toBe(pkg.version);
      expect(m.default_locale).toBe('en');
      expect(m.name).toBe('__MSG_extName__');
      expect(m.description).toBe('__MSG_extDescription__');
    });

    it('asks for exactly the permissions the README explains, and no host permissions of its own', () => {
      const m = manifestOf(dir);
      expect([...(m.permissions as string[])].sort()).toEqual(PERMISSIONS);
      for (const key of ['optional_permissions', 'host_permissions', 'optional_host_permissions']) expect(m[key], key).toBeUndefined();
      // Host access comes from the one content script, on all sites (reading the page text is the product).
      expect(m.content_scripts).toHaveLength(1);
      expect(m.content_scripts[0].matches).toEqual(['<all_urls>']);
      expect(m.content_scripts[0].world ?? 'ISOLATED').toBe('ISOLATED');
    });

    it('exposes nothing to pages or other extensions and keeps the default content security policy', () => {
      const m = manifestOf(dir);
      expect(m.web_accessible_resources, 'web_accessible_resources (pages could detect or load our files)').toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      expect(m.update_url).toBeUndefined();
      // No key: the browser's default (script-src 'self'; no eval, no remote code). If one is ever
      // needed, it must stay at least as strict.
      const csp = m.content_security_policy as { extension_pages?: string; sandbox?: string } | undefined;
      if (csp) for (const policy of Object.values(csp)) expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/);
    });

    it('has every icon size as a PNG of that size', () => {
      const m = manifestOf(dir);
      expect(Object.keys(m.icons).sort((a, b) => +a - +b)).toEqual(ICON_SIZES);
      for (const size of ICON_SIZES) expect(pngSize(join(dir, m.icons[size]))).toEqual({ width: +size, height: +size });
    });

    it('defines every __MSG_…__ it uses, in English and Chinese, within the stores’ limits', () => {
      const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
      const used = [...new Set([...text.matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!))];
      expect(used.length).toBeGreaterThan(0);
      const en = JSON.parse(readFileSync(join(dir, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
      const zh = JSON.parse(readFileSync(join(dir, '_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const key of used) for (const messages of [en, zh]) expect(messages[key]?.message, key).toMatch(/\S/);
      for (const messages of [en, zh]) {
        expect(messages.extName!.message.length).toBeLessThanOrEqual(45);
        expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
      }
    });

    it('holds no network code and no eval in any script, and loads no remote script or style', () => {
      const offenders: string[] = [];
      for (const file of filesUnder(dir)) {
        const text = readFileSync(join(dir, file), 'utf8');
        if (file.endsWith('.js')) {
          for (const token of ['fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'importScripts', 'RTCPeerConnection', 'new Function', 'eval(']) {
            if (text.includes(token)) offenders.push(`${file}: ${token}`);
          }
        }
        if (file.endsWith('.html')) {
          for (const m of text.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]*)"/g)) if (/^(?:[a-z]+:)?\/\//i.test(m[1]!)) offenders.push(`${file}: ${m[0]}`);
        }
        if (file.endsWith('.css') && /@import|url\(\s*['"]?(?:https?:)?\/\//i.test(text)) offenders.push(`${file}: remote CSS`);
      }
      expect(offenders).toEqual([]);
    });
  });
}

describe('Firefox specifics', () => {
  it('has a fixed add-on id, Firefox ESR 140 as the minimum, and declares that no data is collected', () => {
    const gecko = manifestOf(FIREFOX).browser_specific_settings?.gecko;
    expect(gecko.id).toBe('figure-check@figure-check.example');
    expect(gecko.strict_min_version).toBe('140.0');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('has light and dark toolbar icons for the theme (16 and 32 px)', () => {
    const icons = manifestOf(FIREFOX).action.theme_icons as Array<{ light: string; dark: string; size: number }>;
    expect(icons.map((i) => i.size)).toEqual([16, 32]);
    for (const i of icons) for (const file of [i.light, i.dark]) expect(pngSize(join(FIREFOX, file))).toEqual({ width: i.size, height: i.size });
  });

  it('Chrome gets neither the Firefox keys nor the Firefox-only icons', () => {
    const m = manifestOf(CHROME);
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.action?.theme_icons).toBeUndefined();
    expect(filesUnder(CHROME).filter((f) => /icon\/(light|dark)-/.test(f))).toEqual([]);
    expect(m.background.service_worker).toBe('background.js');
  });
});
