import facts from '../../data/facts.json';
import type { Dataset } from './schema';

/**
 * The bundled official dataset. It is validated against the Zod schema by the build and the tests
 * (see lib/data/validate.ts), so the content script can import it without pulling Zod in.
 */
export const bundledDataset = facts as unknown as Dataset;
