import { readFileSync } from 'node:fs';
import { validateDataset } from '../lib/data/validate';

/**
 * Build-time gate: the bundled dataset must pass the schema and the reference checks, or the
 * extension is not built at all (wxt.config.ts calls this before every build).
 */
export function assertValidDataset(path: string): void {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Figure Check: ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const result = validateDataset(json);
  if (!result.ok) throw new Error(`Figure Check: the dataset ${path} is invalid:\n  ${result.errors.join('\n  ')}`);
}
