import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'Figure Check',
    description: "Checks figures about China's internet and generative AI against the official statistics, locally.",
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
        description: 'Turn checking on or off for the current site',
      },
      'next-figure': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next checked figure and open its card',
      },
      'previous-figure': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous checked figure and open its card',
      },
    },
  },
});
