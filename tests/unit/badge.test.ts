import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, BADGE_CONFLICT_COLOR, badgeFor } from '../../platform/badge-model';
import { RepeatGuard } from '../../platform/repeat-guard';

const counts = (exact: number, rounded: number, outdated: number, conflict: number) => ({ exact, rounded, outdated, conflict });
const on = { badge: true };

describe('the toolbar badge', () => {
  it('counts the figures marked', () => {
    expect(badgeFor({ enabled: true, scanned: true, counts: counts(3, 2, 1, 0) }, on, 'en')).toEqual({
      text: '6',
      color: BADGE_COLOR,
      title: 'Figure Check: 6 figures — 3 exact, 2 rounded, 1 outdated, 0 conflicts',
    });
  });

  it('shows a conflict in red with "!"', () => {
    const b = badgeFor({ enabled: true, scanned: true, counts: counts(1, 0, 0, 1) }, on, 'en');
    expect(b).toMatchObject({ text: '2!', color: BADGE_CONFLICT_COLOR });
    expect(b.title).toBe('Figure Check: 2 figures — 1 exact, 0 rounded, 0 outdated, 1 conflict');
    expect(badgeFor({ enabled: true, scanned: true, counts: counts(150, 0, 0, 1) }, on, 'en').text).toBe('99+!');
    expect(badgeFor({ enabled: true, scanned: true, counts: counts(1500, 0, 0, 0) }, on, 'en').text).toBe('999+');
  });

  it('is hidden at zero, on a site turned off, and when turned off (the tooltip stays)', () => {
    expect(badgeFor({ enabled: true, scanned: true, counts: counts(0, 0, 0, 0) }, on, 'en')).toMatchObject({ text: '', title: 'Figure Check: no figures found on this page' });
    expect(badgeFor({ enabled: false, scanned: false, counts: counts(0, 0, 0, 0) }, on, 'en')).toMatchObject({ text: '', title: 'Figure Check: off on this site' });
    expect(badgeFor({ enabled: true, scanned: true, counts: counts(2, 0, 0, 1) }, { badge: false }, 'en')).toMatchObject({ text: '', title: 'Figure Check: 3 figures — 2 exact, 0 rounded, 0 outdated, 1 conflict' });
    expect(badgeFor(undefined, on, 'en')).toMatchObject({ text: '', title: 'Figure Check' });
  });

  it('speaks Chinese', () => {
    expect(badgeFor({ enabled: true, scanned: true, counts: counts(2, 1, 1, 1) }, on, 'zh-CN').title).toBe('数字核查：共5个数字——准确2个，约数1个，过时1个，不符1个');
  });
});

describe('a held shortcut flips the site once', () => {
  it('ignores repeats within 500 ms of the last, per tab', () => {
    const g = new RepeatGuard<number>(500);
    expect(g.accept(1, 0)).toBe(true);
    expect(g.accept(1, 30)).toBe(false);
    expect(g.accept(2, 40)).toBe(true); // another tab
    expect(g.accept(1, 400)).toBe(false);
    expect(g.accept(1, 850)).toBe(false); // still held: 450 ms after the last repeat
    expect(g.accept(1, 1400)).toBe(true); // released, pressed again
  });
});
