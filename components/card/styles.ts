/**
 * The card's style sheet, inside its shadow root. Every size is in px (the page's `html { font-size }`
 * leaks into rem), every inherited property is set explicitly, and the host's rules are !important:
 * inside a shadow tree, !important :host rules beat the page's !important rules for the host.
 */

const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const CARD_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  pointer-events: none !important;
  contain: none !important;
}
.card {
  --fc-bg: #ffffff;
  --fc-fg: #1b1f24;
  --fc-muted: #57606a;
  --fc-line: #d0d7de;
  --fc-soft: #f6f8fa;
  --fc-link: #0550ae;
  --fc-exact: #1a7f37;
  --fc-exact-bg: #dafbe1;
  --fc-rounded: #0550ae;
  --fc-rounded-bg: #ddf4ff;
  --fc-outdated: #8a4600;
  --fc-outdated-bg: #fff1c2;
  --fc-conflict: #c21f2b;
  --fc-conflict-bg: #ffebe9;
  --fc-accent: var(--fc-exact);
  --fc-accent-bg: var(--fc-exact-bg);
  all: initial;
  position: fixed;
  inset: auto;
  top: 0;
  left: 0;
  margin: 0;
  display: block;
  box-sizing: border-box;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 12px 14px 12px 14px;
  background: var(--fc-bg);
  color: var(--fc-fg);
  border: 1px solid var(--fc-line);
  border-top: 4px solid var(--fc-accent);
  border-radius: 8px;
  box-shadow: 0 8px 24px rgba(27, 31, 36, 0.2), 0 1px 3px rgba(27, 31, 36, 0.12);
  font-family: ${FONT};
  font-size: 13px;
  font-weight: 400;
  font-style: normal;
  line-height: 18px;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: left;
  text-transform: none;
  text-indent: 0;
  text-decoration: none;
  text-shadow: none;
  white-space: normal;
  overflow-wrap: anywhere;
  direction: ltr;
  writing-mode: horizontal-tb;
  cursor: auto;
  user-select: text;
  -webkit-user-select: text;
  pointer-events: auto;
  visibility: visible;
  opacity: 1;
  z-index: 2147483647;
  color-scheme: light;
}
.card[hidden], .card[popover]:not(:popover-open) { display: none; }
.card:focus { outline: none; }
.card[data-verdict="rounded"] { --fc-accent: var(--fc-rounded); --fc-accent-bg: var(--fc-rounded-bg); }
.card[data-verdict="outdated"] { --fc-accent: var(--fc-outdated); --fc-accent-bg: var(--fc-outdated-bg); }
.card[data-verdict="conflict"] { --fc-accent: var(--fc-conflict); --fc-accent-bg: var(--fc-conflict-bg); }
@media (prefers-color-scheme: dark) {
  .card {
    --fc-bg: #1c2128; --fc-fg: #e6edf3; --fc-muted: #9da7b3; --fc-line: #444c56; --fc-soft: #262c36; --fc-link: #6cb6ff;
    --fc-exact: #57d364; --fc-exact-bg: #1b3a24; --fc-rounded: #6cb6ff; --fc-rounded-bg: #1b2f45;
    --fc-outdated: #e0a84e; --fc-outdated-bg: #3d2e12; --fc-conflict: #ff7b72; --fc-conflict-bg: #46201f;
    color-scheme: dark;
  }
}
.card *, .card *::before, .card *::after { box-sizing: border-box; }
/* :where() keeps the reset at the lowest specificity, so every rule below wins over it. */
:where(.card) :where(p, h2, dl, dt, dd, ul, li, figure, figcaption) { margin: 0; padding: 0; }
.head { display: flex; align-items: center; gap: 8px; margin: 0 0 6px 0; }
.badge {
  display: inline-flex; align-items: center; gap: 5px;
  padding: 2px 8px 2px 6px; border-radius: 12px;
  background: var(--fc-accent-bg); color: var(--fc-accent);
  font-size: 13px; line-height: 18px; font-weight: 700;
}
.badge svg { width: 14px; height: 14px; flex: none; display: block; }
.brand { color: var(--fc-muted); font-size: 11px; line-height: 16px; margin-left: auto; }
.close {
  all: unset; box-sizing: border-box; flex: none;
  width: 24px; height: 24px; border-radius: 4px;
  display: inline-flex; align-items: center; justify-content: center;
  color: var(--fc-muted); cursor: pointer;
}
.close:hover { background: var(--fc-soft); color: var(--fc-fg); }
.close:focus-visible, .copy:focus-visible, .card a:focus-visible, .title:focus-visible {
  outline: 2px solid var(--fc-link); outline-offset: 1px;
}
.close svg { width: 14px; height: 14px; display: block; }
.title { font-size: 15px; line-height: 20px; font-weight: 700; color: var(--fc-fg); margin: 0 0 2px 0; border-radius: 2px; }
.summary { color: var(--fc-muted); font-size: 12px; line-height: 16px; margin: 0 0 8px 0; }
.values { display: grid; grid-template-columns: max-content 1fr; column-gap: 10px; row-gap: 2px; margin: 0 0 8px 0; padding: 8px 10px; background: var(--fc-soft); border-radius: 6px; }
.values dt { color: var(--fc-muted); font-size: 12px; line-height: 20px; }
.values dd { font-size: 14px; line-height: 20px; font-weight: 600; color: var(--fc-fg); }
.values .period { font-weight: 400; font-size: 12px; color: var(--fc-muted); white-space: nowrap; }
.note { font-size: 12px; line-height: 16px; margin: 0 0 8px 0; padding: 0 0 0 8px; border-left: 3px solid var(--fc-accent); color: var(--fc-fg); }
.chart { margin: 0 0 8px 0; }
.chart svg { display: block; width: 330px; max-width: 100%; height: auto; overflow: visible; }
.chart-legend { display: flex; gap: 12px; color: var(--fc-muted); font-size: 11px; line-height: 14px; margin-top: 2px; }
.chart-legend .dot, .chart-legend .ring { display: inline-block; width: 8px; height: 8px; border-radius: 50%; border: 1.5px solid var(--fc-muted); background: var(--fc-bg); margin-right: 4px; vertical-align: 0; }
.chart-legend .ring { width: 10px; height: 10px; border-color: var(--fc-fg); background: radial-gradient(circle, var(--fc-fg) 0 2px, transparent 2.5px); vertical-align: -1px; }
.chart-legend .diamond { display: inline-block; width: 8px; height: 8px; transform: rotate(45deg); background: var(--fc-accent); margin-right: 5px; vertical-align: 0; }
.axis { fill: var(--fc-muted); font-family: ${FONT}; font-size: 10px; }
.grid { stroke: var(--fc-line); stroke-width: 1; }
.series { fill: none; stroke: var(--fc-muted); stroke-width: 1.5; }
.obs { fill: var(--fc-bg); stroke: var(--fc-muted); stroke-width: 1.5; }
.obs.current { fill: var(--fc-fg); stroke: var(--fc-fg); stroke-width: 1.5; }
.obs-ring { fill: none; stroke: var(--fc-fg); stroke-width: 1.5; }
.page-line { stroke: var(--fc-accent); stroke-width: 1.5; stroke-dasharray: 4 3; }
.page-band { fill: var(--fc-accent); opacity: 0.15; }
.page-mark { fill: var(--fc-accent); stroke: var(--fc-bg); stroke-width: 1; }
.section { margin: 0 0 8px 0; font-size: 12px; line-height: 17px; }
.label { display: block; color: var(--fc-muted); font-size: 11px; line-height: 15px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; }
.card[lang="zh-CN"] .label { text-transform: none; letter-spacing: 0; font-size: 12px; }
.card a { color: var(--fc-link); text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
.muted { color: var(--fc-muted); }
.evidence { font-size: 12px; line-height: 16px; margin: 0 0 8px 0; padding: 4px 8px; border-radius: 4px; background: var(--fc-outdated-bg); color: var(--fc-fg); }
.why ul { list-style: none; }
.why li { margin: 0; }
.why .lvl { color: var(--fc-muted); }
.foot { display: flex; align-items: center; gap: 10px; margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--fc-line); }
.copy {
  all: unset; box-sizing: border-box; cursor: pointer;
  padding: 4px 10px; border-radius: 6px; border: 1px solid var(--fc-line);
  background: var(--fc-soft); color: var(--fc-fg);
  font-family: ${FONT}; font-size: 12px; line-height: 16px; font-weight: 600;
}
.copy:hover { border-color: var(--fc-muted); }
.status { font-size: 12px; line-height: 16px; color: var(--fc-exact); }
.status.failed { color: var(--fc-conflict); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
`;
