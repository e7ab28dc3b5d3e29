import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFactsMarkdown } from '../../lib/data/facts-md';
import { datasetSchema, type CueTerms, type Dataset } from '../../lib/data/schema';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const factsMdPath = path.join(repoRoot, 'data/facts.md');
const sharedFactsMdPath = path.resolve(repoRoot, '../shared/facts.md');

const factsMd = fs.readFileSync(factsMdPath, 'utf8');
const catalogue = parseFactsMarkdown(factsMd);
const raw: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/facts.json'), 'utf8'));
const parsed = datasetSchema.safeParse(raw);
// The other tests need the data even when the schema test fails; they then fail on their own terms.
const dataset = (parsed.success ? parsed.data : raw) as Dataset;

const metricById = new Map(dataset.metrics.map((m) => [m.id, m]));
const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));

/** Simplified characters whose Traditional form differs: none may appear in a zhHant cue. */
const simplifiedOnly =
  '网络门户规产业长数据亿万个视频剧载务医疗农龄发国区计该这过达较术类营对为与从们时' +
  '经济动联际线学统报现实电话机问题图创软设备记录乡镇银岁宽带关场总传读跃间员众级应开无义东车买卖单双书优';

/** A period's last day as a sortable string: "2025" → "2025-12-99", "2025-08" → "2025-08-99". */
const periodEnd = (p: string) => (p.length === 4 ? `${p}-12-99` : p.length === 7 ? `${p}-99` : p);

describe('data/facts.json', () => {
  it('satisfies the dataset schema', () => {
    expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  });

  it('has a version and a dataAsOf date', () => {
    expect(dataset.version).toMatch(/\S/);
    expect(dataset.dataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has unique metric ids and source ids', () => {
    const dup = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dup(dataset.metrics.map((m) => m.id)), 'duplicate metric ids').toEqual([]);
    expect(dup(dataset.sources.map((s) => s.id)), 'duplicate source ids').toEqual([]);
  });

  it('names no source that it does not list', () => {
    const dangling = dataset.metrics.flatMap((m) =>
      m.observations.filter((o) => !sourceById.has(o.source)).map((o) => `${m.id} ${o.asOf}: ${o.source}`),
    );
    expect(dangling).toEqual([]);
  });

  it('gives a currency exactly to the currency metrics', () => {
    for (const m of dataset.metrics) {
      expect(m.currency !== undefined, `${m.id}: currency ${m.currency ?? 'missing'}`).toBe(m.kind === 'currency');
    }
  });

  it('lists observations current first (latest asOf, ties: latest release)', () => {
    for (const m of dataset.metrics) {
      const keys = m.observations.map((o) => `${periodEnd(o.asOf)} ${sourceById.get(o.source)?.released ?? ''}`);
      expect(keys, m.id).toEqual([...keys].sort().reverse());
    }
  });
});

describe('data/facts.json agrees with data/facts.md', () => {
  it('reads the catalogue', () => {
    expect(catalogue.metrics.length).toBeGreaterThan(30);
    expect(catalogue.sources.length).toBeGreaterThan(10);
  });

  it('keeps every source of the catalogue, with its release date and URL', () => {
    for (const s of catalogue.sources) {
      const own = sourceById.get(s.id);
      expect(own, `source ${s.id} is missing`).toBeDefined();
      expect(own?.released, `${s.id} released`).toBe(s.released);
      // The same page, upgraded to https where the publisher serves it (see the URL test below).
      if (s.url) expect(own?.url?.replace(/^https:/, 'http:'), `${s.id} url`).toBe(s.url.replace(/^https:/, 'http:'));
      else expect(own?.url ?? own?.via, `${s.id} has neither url nor via`).toBeTruthy();
    }
  });

  it('keeps every metric id of the catalogue (none renamed)', () => {
    const missing = catalogue.metrics.map((m) => m.id).filter((id) => !metricById.has(id));
    expect(missing).toEqual([]);
  });

  for (const md of catalogue.metrics) {
    it(`${md.id}: same observations, values and periods, in the same order`, () => {
      const own = metricById.get(md.id);
      expect(own, `metric ${md.id} is missing`).toBeDefined();
      const observations = own?.observations ?? [];
      expect(observations.map((o) => [o.value, o.asOf])).toEqual(md.observations.map((o) => [o.value, o.asOf]));
      md.observations.forEach((mdObs, i) => {
        const o = observations[i];
        const where = `${md.id} #${i} (${mdObs.asOf})`;
        expect(o?.hedge ?? 'none', `${where} hedge`).toBe(mdObs.hedge ?? 'none');
        if (mdObs.status) expect(o?.status, `${where} status`).toBe(mdObs.status);
        if (mdObs.source) {
          expect(o?.source, `${where} source`).toBe(mdObs.source);
        } else {
          // The catalogue leaves the source out of earlier values: it is the report covering that period.
          const report = dataset.sources.find((s) => s.id.startsWith('cnnic-') && /^cnnic-\d+$/.test(s.id) && s.dataTo === mdObs.asOf);
          expect(o?.source, `${where} source`).toBe(report?.id);
        }
      });
    });
  }
});

describe('cues', () => {
  const groupsOf = (m: Dataset['metrics'][number]) => m.cues.map((group, i) => ({ where: `${m.id} cue group ${i}`, group }));

  it('have at least one term per language in every group', () => {
    for (const m of dataset.metrics) {
      for (const { where, group } of groupsOf(m)) {
        for (const lang of ['en', 'zh', 'zhHant'] as const) {
          expect(group[lang]?.filter((t) => t.trim() !== '').length ?? 0, `${where} ${lang}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('have no blank or padded terms', () => {
    const bad: string[] = [];
    for (const m of dataset.metrics) {
      const lists: Partial<CueTerms>[] = [...m.cues, m.excludes ?? {}];
      for (const list of lists) {
        for (const terms of Object.values(list)) bad.push(...(terms ?? []).filter((t) => t.trim() !== t || t === '').map((t) => `${m.id}: "${t}"`));
      }
    }
    expect(bad).toEqual([]);
  });

  it('write zhHant terms in Traditional characters', () => {
    const offending: string[] = [];
    for (const m of dataset.metrics) {
      const lists = [...m.cues.map((g) => g.zhHant), m.excludes?.zhHant ?? []];
      for (const term of lists.flat()) {
        const chars = [...term].filter((ch) => simplifiedOnly.includes(ch));
        if (chars.length > 0) offending.push(`${m.id}: ${term} (${chars.join('')})`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe('data/facts.md is the shared catalogue', () => {
  const present = fs.existsSync(sharedFactsMdPath);
  it.skipIf(!present)(
    present
      ? 'is byte-identical to ../shared/facts.md'
      : `is byte-identical to ../shared/facts.md (skipped: ${sharedFactsMdPath} not found)`,
    () => {
      const shared = fs.readFileSync(sharedFactsMdPath);
      expect(Buffer.compare(shared, fs.readFileSync(factsMdPath)), 'data/facts.md differs from ../shared/facts.md: copy the upstream change in and update data/facts.json').toBe(0);
    },
  );
});

/**
 * Publishers whose pages we link over plain http because we could not confirm they serve https
 * (this machine has no internet access to check). Everyone else must be linked over https.
 */
const HTTP_ONLY_HOSTS = new Set(['www.chinaview.cn', 'www.ezhejiang.gov.cn']);

describe('source URLs', () => {
  it('are well-formed absolute URLs, over https wherever the publisher supports it', () => {
    for (const s of dataset.sources) {
      if (!s.url) continue;
      const url = new URL(s.url);
      expect(url.href, s.id).toBe(s.url);
      expect(url.username + url.password, s.id).toBe('');
      expect(url.protocol === 'https:' || HTTP_ONLY_HOSTS.has(url.hostname), `${s.id}: ${s.url} should use https`).toBe(true);
    }
  });
});
