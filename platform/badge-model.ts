import { settingsStringsFor } from '../components/i18n/settings-strings';
import type { UiLocale } from '../lib/format';
import type { Settings } from '../lib/settings/schema';
import type { VerdictCounts } from './messages';

/**
 * What the toolbar button shows for a tab: pure, so it is tested without a browser.
 * The number of figures marked; with a conflict among them, a red background and a "!" after the
 * number. Nothing at zero, on a site where checking is off, or when the badge is turned off.
 * The tooltip (action title) gives the counts per verdict in the UI language.
 */

export interface BadgeState {
  text: string;
  /** Background; the text is white on both (contrast ≥ 4.5:1). */
  color: string;
  title: string;
}

export const BADGE_COLOR = '#35495e';
export const BADGE_CONFLICT_COLOR = '#c62828';

export interface TabFigures {
  enabled: boolean;
  scanned: boolean;
  counts: VerdictCounts;
}

/** `locale`: the UI language of the tab's content script (its card), which the tooltip follows. */
export function badgeFor(tab: TabFigures | undefined, settings: Pick<Settings, 'badge'>, locale: UiLocale): BadgeState {
  const t = settingsStringsFor(locale);
  if (!tab) return { text: '', color: BADGE_COLOR, title: t.appName };
  if (!tab.enabled) return { text: '', color: BADGE_COLOR, title: t.badgeTitleOff };
  const c = tab.counts;
  const total = c.exact + c.rounded + c.outdated + c.conflict;
  if (total === 0) return { text: '', color: BADGE_COLOR, title: tab.scanned ? t.badgeTitleNone : t.appName };
  const number = total > 999 ? '999+' : String(total);
  const conflict = c.conflict > 0;
  return {
    text: !settings.badge ? '' : conflict ? (total > 99 ? '99+!' : `${number}!`) : number,
    color: conflict ? BADGE_CONFLICT_COLOR : BADGE_COLOR,
    title: t.badgeTitle(c),
  };
}
