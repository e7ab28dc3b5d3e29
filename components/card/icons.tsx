import type { Verdict } from '../../lib/check/verdict';

/**
 * Verdict icons drawn as SVG (not font glyphs: "⟲" is missing from many system fonts). Each verdict
 * has its own shape, so the verdict never rests on colour alone; the word always stands beside it.
 */

const common = { viewBox: '0 0 16 16', 'aria-hidden': 'true' as const, focusable: 'false' as const };

export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  switch (verdict) {
    case 'exact': // ✓
      return (
        <svg {...common}>
          <path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      );
    case 'rounded': // ≈
      return (
        <svg {...common}>
          <path d="M2.5 6.2c1.8-1.6 3.6-1.6 5.5 0s3.7 1.6 5.5 0M2.5 10.6c1.8-1.6 3.6-1.6 5.5 0s3.7 1.6 5.5 0" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" />
        </svg>
      );
    case 'outdated': // ⟲ (a clock turned back)
      return (
        <svg {...common}>
          <path d="M3.2 6.2A5.2 5.2 0 1 1 2.9 9.6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
          <path d="M1.6 3.4l1.7 3.1 3.2-1.3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
          <path d="M8.3 5.2v3.3l2.2 1.4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      );
    case 'conflict': // ⚠
      return (
        <svg {...common}>
          <path d="M8 1.8L15 14H1z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round" />
          <path d="M8 6v4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
          <circle cx="8" cy="12" r="1" fill="currentColor" />
        </svg>
      );
  }
}

export function CloseIcon() {
  return (
    <svg {...common}>
      <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}
