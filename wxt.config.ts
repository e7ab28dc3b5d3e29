import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { assertValidDataset } from './scripts/validate-dataset';

/** Fixed add-on id: AMO updates, storage and the moz-extension:// UUID pref all key on it. */
export const GECKO_ID = 'figure-check@figure-check.example';

/** Firefox only (Chrome warns on unknown keys): supported versions and the data-collection declaration. */
const gecko = {
  id: GECKO_ID,
  // Firefox ESR 140 is the oldest release supported; it understands data_collection_permissions
  // (addons-linter checks), and MV3 host permissions from content_scripts are granted at install since 127.
  strict_min_version: '140.0',
  // Figure Check collects and transmits nothing (README, "Security and privacy").
  data_collection_permissions: { required: ['none'] },
};
/** Firefox for Android understands data_collection_permissions from 142 (addons-linter warns otherwise). */
const geckoAndroid = { strict_min_version: '142.0' };

/** Firefox toolbar icons that follow the theme: a dark glyph on light toolbars, a light one on dark toolbars. */
const firefoxAction = {
  theme_icons: [16, 32].map((size) => ({ light: `icon/light-${size}.png`, dark: `icon/dark-${size}.png`, size })),
};

export default defineConfig({
  // MV3 for Firefox too (ESR 140+): one manifest model for both browsers, and the background uses
  // `browser.action`, which MV2 lacks. `wxt build -b firefox` therefore writes .output/firefox-mv3.
  manifestVersion: 3,
  // No modulepreload polyfill (a `fetch` of the pages' own chunks): Chromium and Firefox 115+ preload
  // modules natively, and the bundles then hold no network call at all (tests/package/ checks).
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  hooks: {
    // Build gate: an invalid dataset fails `wxt build` / `wxt zip` before anything is written.
    // FIGURE_CHECK_VALIDATE_DATASET points the gate at another file (the tests use a broken copy).
    'build:before': (wxt) => {
      assertValidDataset(process.env.FIGURE_CHECK_VALIDATE_DATASET || resolve(wxt.config.root, 'data/facts.json'));
    },
    // The theme icons (icon/light-*.png, icon/dark-*.png) are for Firefox's toolbar only.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      for (let i = files.length - 1; i >= 0; i--) if (/^icon\/(light|dark)-\d+\.png$/.test(files[i]!.relativeDest)) files.splice(i, 1);
    },
  },
  zip: {
    // The sources zip for Firefox review holds exactly what `npm ci && npx wxt build -b firefox`
    // needs, and nothing else; scripts/check-reproducible.sh rebuilds from it and compares.
    excludeSources: ['**/*'],
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'scripts/validate-dataset.ts',
      'data/**',
      'lib/**',
      'components/**',
      'entrypoints/**',
      'platform/**',
      'public/**',
      'README.md',
      'docs/store/SOURCE-BUILD.md',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko, gecko_android: geckoAndroid }, action: firefoxAction } : {}),
    // Commands need no permission, and the background only messages the active tab's own content
    // script (tabs.query gives its id without the "tabs" permission). Copying a citation happens on
    // the reader's click, in the page, so "clipboardWrite" is not needed either. The three below are
    // for per-site control (README, "Permissions"): settings and packs in storage.local ("storage"),
    // the page's "Check figures on <site>" item ("contextMenus"), and the popup reading the address
    // of the tab it was opened on, to say why a browser page cannot be checked ("activeTab").
    permissions: ['storage', 'contextMenus', 'activeTab'],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_cmdToggleSite__',
      },
      'next-figure': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_cmdNextFigure__',
      },
      'previous-figure': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_cmdPreviousFigure__',
      },
    },
  }),
});
