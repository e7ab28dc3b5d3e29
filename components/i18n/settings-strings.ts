import type { VerdictKey } from '../../lib/settings/schema';
import { STRINGS, type UiLocale } from './strings';

/**
 * The popup's, the options page's and the toolbar badge's words in English and Simplified Chinese.
 * Verdict names come from the card's table (strings.ts), so a verdict reads the same everywhere.
 */

export { uiLocaleFor } from './locale';

export function verdictName(locale: UiLocale, v: VerdictKey): string {
  return STRINGS[locale].verdict[v];
}

/** Where the content script cannot run, and why (the popup says so instead of showing a dead switch). */
export type Unavailable = 'browser-page' | 'web-store' | 'pdf' | 'file-access' | 'not-loaded' | 'unknown';

export interface SettingsStrings {
  appName: string;
  // popup
  siteSwitch(host: string): string;
  thisSite: string;
  globalSwitch: string;
  globalOffHint: string;
  onlyListedHint: string;
  modeLegend: string;
  modeAllExcept: string;
  modeOnlyListed: string;
  shortcut: string;
  shortcutNotSet: string;
  changeShortcut: string;
  onThisPage: string;
  checking: string;
  noFigures: string;
  siteOff: string;
  figureCount(n: number): string;
  verdictCount(n: number, verdict: string): string;
  openFigureHint: string;
  dataVersion(version: string, asOf: string): string;
  packsInUse(n: number): string;
  openOptions: string;
  unavailable: Record<Unavailable, string>;
  reload: string;
  openExtensionSettings: string;
  // badge
  badgeTitle(counts: Record<VerdictKey, number>): string;
  badgeTitleOff: string;
  badgeTitleNone: string;
  // options: navigation and general
  optionsTitle: string;
  sectionGeneral: string;
  sectionSites: string;
  sectionDisplay: string;
  sectionData: string;
  sectionPacks: string;
  sectionShortcuts: string;
  sectionReset: string;
  language: string;
  languageAuto: string;
  // options: sites
  sitesIntro: string;
  siteRules: string[];
  disabledListTitle: string;
  disabledListHelp: string;
  enabledListTitle: string;
  enabledListHelp: string;
  inUse: string;
  addSitesLabel: string;
  addSitesPlaceholder: string;
  add: string;
  added(n: number, skipped: number): string;
  notSites(lines: string[]): string;
  filter: string;
  siteCount(n: number): string;
  showing(n: number, total: number): string;
  remove: string;
  removeSite(site: string): string;
  clearList: string;
  listEmpty: string;
  importList: string;
  exportText: string;
  exportJson: string;
  imported(n: number): string;
  importFailed: string;
  // options: display
  verdictsLegend: string;
  verdictsHelp: string;
  markStyleLegend: string;
  markStyleUnderlineTint: string;
  markStyleUnderline: string;
  cardDelay: string;
  cardDelayHelp: string;
  badgeOption: string;
  badgeHelp: string;
  // options: data browser
  dataIntro(version: string, asOf: string, metrics: number, observations: number): string;
  search: string;
  searchPlaceholder: string;
  metricsShown(n: number, total: number): string;
  noMetricMatches: string;
  colValue: string;
  colPeriod: string;
  colSource: string;
  colStatus: string;
  status: Record<'C2' | 'C1' | 'U', string>;
  current: string;
  customTag(pack: string): string;
  cues: string;
  kind: Record<string, string>;
  group: Record<string, string>;
  // options: packs
  packsIntro: string;
  importPack: string;
  packImported(name: string, newMetrics: number, extended: number, observations: number): string;
  packRejected(name: string, n: number): string;
  packKeptNote: string;
  noPacks: string;
  packName: string;
  packVersion: string;
  packContents: string;
  packMetrics(n: number, observations: number): string;
  usePack(name: string): string;
  exportPack: string;
  removePack(name: string): string;
  // options: shortcuts
  shortcutsIntro: string;
  shortcutsIntroFirefox: string;
  commandNames: Record<string, string>;
  // options: reset
  resetIntro: string;
  resetButton: string;
  resetConfirm: string;
  resetYes: string;
  cancel: string;
  resetDone: string;
  saved: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const en: SettingsStrings = {
  appName: 'Figure Check',
  siteSwitch: (host) => `Check figures on ${host}`,
  thisSite: 'this site',
  globalSwitch: 'Figure Check on',
  globalOffHint: 'Figure Check is turned off on all sites.',
  onlyListedHint: 'Only the sites you turn on are checked.',
  modeLegend: 'Where to check',
  modeAllExcept: 'Everywhere, except the sites I turn off',
  modeOnlyListed: 'Only on the sites I turn on',
  shortcut: 'Shortcut',
  shortcutNotSet: 'not set',
  changeShortcut: 'Change',
  onThisPage: 'On this page',
  checking: 'Checking this page…',
  noFigures: 'No figures about China’s internet or generative AI were found on this page.',
  siteOff: 'Checking is off on this site.',
  figureCount: (n) => plural(n, 'figure', 'figures'),
  verdictCount: (n, v) => `${n} ${v.toLowerCase()}`,
  openFigureHint: 'Choose a figure to go to it and open its card.',
  dataVersion: (version, asOf) => `Official data ${version}, as of ${asOf}`,
  packsInUse: (n) => `+ ${plural(n, 'custom fact pack', 'custom fact packs')}`,
  openOptions: 'Options',
  unavailable: {
    'browser-page': 'Figure Check does not run on the browser’s own pages.',
    'web-store': 'Browsers do not let extensions run on their extension store.',
    pdf: 'PDF files are not checked: Figure Check reads web pages.',
    'file-access': 'To check files on this computer, turn on “Allow access to file URLs” for Figure Check.',
    'not-loaded': 'This page has not been checked: it was opened before Figure Check was installed or updated. Reload it to check its figures.',
    unknown: 'Figure Check cannot run on this page.',
  },
  reload: 'Reload page',
  openExtensionSettings: 'Open extension settings',
  badgeTitle: (c) => {
    const total = c.exact + c.rounded + c.outdated + c.conflict;
    return `Figure Check: ${plural(total, 'figure', 'figures')} — ${c.exact} exact, ${c.rounded} rounded, ${c.outdated} outdated, ${c.conflict} ${c.conflict === 1 ? 'conflict' : 'conflicts'}`;
  },
  badgeTitleOff: 'Figure Check: off on this site',
  badgeTitleNone: 'Figure Check: no figures found on this page',
  optionsTitle: 'Figure Check options',
  sectionGeneral: 'General',
  sectionSites: 'Sites',
  sectionDisplay: 'Display',
  sectionData: 'Official data',
  sectionPacks: 'Custom fact packs',
  sectionShortcuts: 'Keyboard shortcuts',
  sectionReset: 'Reset',
  language: 'Language',
  languageAuto: 'Same as the browser',
  sitesIntro: 'Each mode has its own list; switching modes keeps both.',
  siteRules: [
    'A site covers its subdomains: example.com also covers news.example.com.',
    'www. is the same site as the bare domain: www.example.com = example.com.',
    '*.example.com covers the subdomains only, not example.com itself.',
    'A port counts only when you type one: localhost:3000 covers that port, localhost every port.',
    'You may paste full addresses: https://www.example.com/page becomes example.com. Local files are file://.',
  ],
  disabledListTitle: 'Sites turned off',
  disabledListHelp: 'Used when Figure Check runs everywhere except the sites you turn off.',
  enabledListTitle: 'Sites turned on',
  enabledListHelp: 'Used when Figure Check runs only on the sites you turn on.',
  inUse: 'in use',
  addSitesLabel: 'Add sites, one per line',
  addSitesPlaceholder: 'example.com\n*.example.org\nlocalhost:3000',
  add: 'Add',
  added: (n, skipped) => `Added ${plural(n, 'site', 'sites')}.${skipped ? ` ${skipped.toLocaleString('en')} ${skipped === 1 ? 'was' : 'were'} already in the list.` : ''}`,
  notSites: (lines) => `Not a site, left out: ${lines.slice(0, 5).map((l) => `“${l}”`).join(', ')}${lines.length > 5 ? ` and ${lines.length - 5} more` : ''}.`,
  filter: 'Filter',
  siteCount: (n) => plural(n, 'site', 'sites'),
  showing: (n, total) => `Showing ${n.toLocaleString('en')} of ${total.toLocaleString('en')}`,
  remove: 'Remove',
  removeSite: (site) => `Remove ${site}`,
  clearList: 'Remove all',
  listEmpty: 'No sites yet.',
  importList: 'Import…',
  exportText: 'Export as text',
  exportJson: 'Export as JSON',
  imported: (n) => `Imported ${plural(n, 'site', 'sites')}.`,
  importFailed: 'Nothing imported: the file holds no sites (JSON list, or one site per line).',
  verdictsLegend: 'Mark these figures',
  verdictsHelp: 'Figures you do not mark are not counted on the toolbar button either.',
  markStyleLegend: 'Mark style',
  markStyleUnderlineTint: 'Underline and light background',
  markStyleUnderline: 'Underline only',
  cardDelay: 'Card delay (ms)',
  cardDelayHelp: 'How long the pointer rests on a figure before its card opens (0–3000).',
  badgeOption: 'Show the number of figures on the toolbar button',
  badgeHelp: 'A red button with “!” means at least one figure conflicts with the official data.',
  dataIntro: (version, asOf, metrics, observations) => `Version ${version}, data as of ${asOf}: ${plural(metrics, 'metric', 'metrics')}, ${plural(observations, 'observation', 'observations')}.`,
  search: 'Search metrics',
  searchPlaceholder: 'Name, id or cue word, in English or Chinese',
  metricsShown: (n, total) => `${n} of ${total} metrics`,
  noMetricMatches: 'No metric matches.',
  colValue: 'Value',
  colPeriod: 'Period',
  colSource: 'Source',
  colStatus: 'Evidence',
  status: { C2: 'two or more reports', C1: 'one report', U: 'not confirmed by the primary source' },
  current: 'current',
  customTag: (pack) => `custom: ${pack}`,
  cues: 'Cue words',
  kind: { count: 'count', percent: 'percent', 'percentage-points': 'percentage points', ratio: 'ratio', currency: 'amount of money', eflops: 'computing power' },
  group: { internet: 'Internet', genai: 'Generative AI', 'ai-industry': 'AI industry', 'culture-abroad': 'Culture abroad', custom: 'Custom' },
  packsIntro: 'Add your own metrics and observations from a JSON file in the dataset’s format (see the README). Packs are checked before anything is stored, and stay on this computer.',
  importPack: 'Import a fact pack…',
  packImported: (name, n, x, o) => `Imported “${name}”: ${plural(n, 'new metric', 'new metrics')}${x ? `, ${plural(x, 'official metric', 'official metrics')} extended` : ''}, ${plural(o, 'observation', 'observations')}.`,
  packRejected: (name, n) => `“${name}” was not imported: ${plural(n, 'problem', 'problems')}.`,
  packKeptNote: 'Nothing already stored was changed.',
  noPacks: 'No custom fact packs.',
  packName: 'Pack',
  packVersion: 'Version',
  packContents: 'Contents',
  packMetrics: (n, o) => `${plural(n, 'metric', 'metrics')}, ${plural(o, 'observation', 'observations')}`,
  usePack: (name) => `Use ${name}`,
  exportPack: 'Export',
  removePack: (name) => `Remove ${name}`,
  shortcutsIntro: 'Change them at chrome://extensions/shortcuts.',
  shortcutsIntroFirefox: 'Change them in the Add-ons Manager (about:addons): ⚙ → Manage Extension Shortcuts.',
  commandNames: {
    'toggle-site': 'Turn checking on or off for this site',
    'next-figure': 'Next figure',
    'previous-figure': 'Previous figure',
    _execute_action: 'Open the popup',
  },
  resetIntro: 'Turns checking back on everywhere, empties both site lists and restores the display and language settings. Custom fact packs are kept.',
  resetButton: 'Reset to defaults…',
  resetConfirm: 'Reset every setting to its default? This cannot be undone.',
  resetYes: 'Reset',
  cancel: 'Cancel',
  resetDone: 'Settings reset to their defaults.',
  saved: 'Saved',
};

const zh: SettingsStrings = {
  appName: '数字核查',
  siteSwitch: (host) => `在 ${host} 上核对数据`,
  thisSite: '此网站',
  globalSwitch: '启用数字核查',
  globalOffHint: '数字核查已在所有网站上关闭。',
  onlyListedHint: '只核对你开启的网站。',
  modeLegend: '核对范围',
  modeAllExcept: '所有网站，我关闭的除外',
  modeOnlyListed: '仅我开启的网站',
  shortcut: '快捷键',
  shortcutNotSet: '未设置',
  changeShortcut: '更改',
  onThisPage: '本页数字',
  checking: '正在核对本页…',
  noFigures: '本页未发现有关中国互联网或生成式人工智能的数字。',
  siteOff: '已在此网站上关闭核对。',
  figureCount: (n) => `${n}个数字`,
  verdictCount: (n, v) => `${v}${n}个`,
  openFigureHint: '选择一个数字，即可跳转到该处并打开其卡片。',
  dataVersion: (version, asOf) => `官方数据 ${version}，截至${asOf}`,
  packsInUse: (n) => `另有${n}个自定义数据包`,
  openOptions: '设置',
  unavailable: {
    'browser-page': '数字核查不能在浏览器自身的页面上运行。',
    'web-store': '浏览器不允许扩展程序在扩展商店页面上运行。',
    pdf: '不核对PDF文件：数字核查只读取网页。',
    'file-access': '要核对本机文件，请为数字核查开启“允许访问文件网址”。',
    'not-loaded': '此页面尚未核对：它是在安装或更新数字核查之前打开的。重新加载即可核对其中的数字。',
    unknown: '数字核查无法在此页面上运行。',
  },
  reload: '重新加载页面',
  openExtensionSettings: '打开扩展程序设置',
  badgeTitle: (c) => `数字核查：共${c.exact + c.rounded + c.outdated + c.conflict}个数字——准确${c.exact}个，约数${c.rounded}个，过时${c.outdated}个，不符${c.conflict}个`,
  badgeTitleOff: '数字核查：已在此网站上关闭',
  badgeTitleNone: '数字核查：本页未发现相关数字',
  optionsTitle: '数字核查设置',
  sectionGeneral: '常规',
  sectionSites: '网站',
  sectionDisplay: '显示',
  sectionData: '官方数据',
  sectionPacks: '自定义数据包',
  sectionShortcuts: '快捷键',
  sectionReset: '恢复默认',
  language: '界面语言',
  languageAuto: '与浏览器相同',
  sitesIntro: '两种范围各有一份列表；切换范围时两份列表都会保留。',
  siteRules: [
    '网站包括其子域名：example.com 也包括 news.example.com。',
    'www. 与不带 www. 的域名视为同一网站：www.example.com = example.com。',
    '*.example.com 只包括子域名，不包括 example.com 本身。',
    '只有写明端口时才区分端口：localhost:3000 只包括该端口，localhost 包括所有端口。',
    '可以粘贴完整网址：https://www.example.com/page 会记为 example.com。本机文件记为 file://。',
  ],
  disabledListTitle: '已关闭的网站',
  disabledListHelp: '用于“所有网站，我关闭的除外”。',
  enabledListTitle: '已开启的网站',
  enabledListHelp: '用于“仅我开启的网站”。',
  inUse: '使用中',
  addSitesLabel: '添加网站，每行一个',
  addSitesPlaceholder: 'example.com\n*.example.org\nlocalhost:3000',
  add: '添加',
  added: (n, skipped) => `已添加${n}个网站。${skipped ? `另有${skipped}个已在列表中。` : ''}`,
  notSites: (lines) => `以下内容不是网站，已略过：${lines.slice(0, 5).map((l) => `“${l}”`).join('、')}${lines.length > 5 ? `等${lines.length}项` : ''}。`,
  filter: '筛选',
  siteCount: (n) => `${n}个网站`,
  showing: (n, total) => `显示${total}个中的${n}个`,
  remove: '移除',
  removeSite: (site) => `移除 ${site}`,
  clearList: '全部移除',
  listEmpty: '列表为空。',
  importList: '导入…',
  exportText: '导出为文本',
  exportJson: '导出为JSON',
  imported: (n) => `已导入${n}个网站。`,
  importFailed: '未导入任何内容：文件中没有网站（应为JSON列表，或每行一个网站）。',
  verdictsLegend: '标记以下数字',
  verdictsHelp: '不标记的数字也不计入工具栏按钮上的数目。',
  markStyleLegend: '标记样式',
  markStyleUnderlineTint: '下划线加浅色背景',
  markStyleUnderline: '仅下划线',
  cardDelay: '卡片延迟（毫秒）',
  cardDelayHelp: '指针在数字上停留多久后打开卡片（0–3000）。',
  badgeOption: '在工具栏按钮上显示数字个数',
  badgeHelp: '按钮变红并带“!”表示至少有一个数字与官方数据不符。',
  dataIntro: (version, asOf, metrics, observations) => `版本 ${version}，数据截至${asOf}：${metrics}项指标，${observations}条数据。`,
  search: '搜索指标',
  searchPlaceholder: '名称、ID或关键词，中英文均可',
  metricsShown: (n, total) => `${total}项指标中的${n}项`,
  noMetricMatches: '没有匹配的指标。',
  colValue: '数值',
  colPeriod: '时间',
  colSource: '来源',
  colStatus: '依据',
  status: { C2: '两份以上报告', C1: '一份报告', U: '未经原始来源证实' },
  current: '最新',
  customTag: (pack) => `自定义：${pack}`,
  cues: '关键词',
  kind: { count: '数量', percent: '百分比', 'percentage-points': '百分点', ratio: '比率', currency: '金额', eflops: '算力' },
  group: { internet: '互联网', genai: '生成式人工智能', 'ai-industry': '人工智能产业', 'culture-abroad': '文化出海', custom: '自定义' },
  packsIntro: '从数据集格式的JSON文件（见README）中添加你自己的指标和数据。数据包在保存前会经过校验，且只保存在本机。',
  importPack: '导入数据包…',
  packImported: (name, n, x, o) => `已导入“${name}”：新增${n}项指标${x ? `，补充${x}项官方指标` : ''}，共${o}条数据。`,
  packRejected: (name, n) => `未导入“${name}”：发现${n}个问题。`,
  packKeptNote: '已保存的内容均未改动。',
  noPacks: '没有自定义数据包。',
  packName: '数据包',
  packVersion: '版本',
  packContents: '内容',
  packMetrics: (n, o) => `${n}项指标，${o}条数据`,
  usePack: (name) => `使用 ${name}`,
  exportPack: '导出',
  removePack: (name) => `移除 ${name}`,
  shortcutsIntro: '可在 chrome://extensions/shortcuts 中更改。',
  shortcutsIntroFirefox: '可在附加组件管理器（about:addons）中更改：⚙ → 管理扩展快捷键。',
  commandNames: {
    'toggle-site': '在此网站上开启或关闭核对',
    'next-figure': '下一个数字',
    'previous-figure': '上一个数字',
    _execute_action: '打开弹出窗口',
  },
  resetIntro: '重新在所有网站上开启核对，清空两份网站列表，并恢复显示和语言设置。自定义数据包会保留。',
  resetButton: '恢复默认设置…',
  resetConfirm: '确定要将所有设置恢复为默认值吗？此操作无法撤销。',
  resetYes: '恢复默认',
  cancel: '取消',
  resetDone: '已恢复默认设置。',
  saved: '已保存',
};

export const SETTINGS_STRINGS: Record<UiLocale, SettingsStrings> = { en, 'zh-CN': zh };

export function settingsStringsFor(locale: UiLocale): SettingsStrings {
  return SETTINGS_STRINGS[locale];
}
