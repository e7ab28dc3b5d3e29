import type { LanguageSetting } from '../../lib/settings/schema';
import { uiLocaleFrom, type UiLocale } from './strings';

/** The UI language: the override from the options page, else the browser's UI language. Small on purpose: the content script imports it. */
export function uiLocaleFor(setting: LanguageSetting, browserLanguage: string | null | undefined): UiLocale {
  return setting === 'auto' ? uiLocaleFrom(browserLanguage) : setting;
}
