import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'scripts/figure-check.js');
const SEED = 'tests/fixtures/seeds/000_9d474e672f3dc305.txt';

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'figure-check-cli-'));
const write = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('figure-check CLI', () => {
  it('prints exactly the documented JSON shape, with offsets that slice the figure out of the file', () => {
    const r = run(['--json', SEED]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]).sort()).toEqual(['figures', 'file']);
    expect(out[0].file).toBe(SEED);
    const text = readFileSync(join(ROOT, SEED), 'utf8');
    const genai = out[0].figures.find((f: { metric: string }) => f.metric === 'genai-users');
    expect(genai).toEqual({
      text: '602 million',
      start: text.indexOf('602 million'),
      end: text.indexOf('602 million') + '602 million'.length,
      metric: 'genai-users',
      verdict: 'exact',
      value: 602000000,
      unit: 'count',
      official: { value: 602000000, asOf: '2025-12', source: 'cnnic-57' },
    });
    for (const f of out[0].figures) {
      expect(Object.keys(f).sort()).toEqual(['end', 'metric', 'official', 'start', 'text', 'unit', 'value', 'verdict']);
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.text);
    }
  });

  it('prints a readable table with the verdict, official value, date and source', () => {
    const r = run([SEED]);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('602 million'))!;
    expect(row).toMatch(/602 million\s+exact\s+602 million\s+Dec 2025\s+genai-users · China Internet Network Information Center, The 57th Statistical Report/);
  });

  it('aligns the table by terminal columns, Chinese characters taking two', () => {
    const r = run(['-'], '中国网民规模达11.25亿人，生成式人工智能用户规模达7亿人。');
    const rows = r.stdout.split('\n').filter((l) => /\b(exact|conflict)\b/.test(l) && !/\d+ exact,/.test(l));
    expect(rows).toHaveLength(2);
    const columnOfVerdict = (line: string) => {
      const before = line.slice(0, line.search(/\b(exact|conflict)\b/));
      return [...before].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    };
    expect(columnOfVerdict(rows[0]!)).toBe(columnOfVerdict(rows[1]!));
  });

  it('reads HTML with figures split across inline elements, and Markdown', () => {
    const html = write('page.html', '<html lang="zh"><body><nav>首页 | 科技</nav><p>截至2025年12月，我国网民规模达<strong>11.25</strong>亿人，互联网普及率达80.1%。</p><script>var x = "网民规模达11.25亿人"</script></body></html>');
    const md = write('page.md', '# Generative AI\n\nChina now counts **602** million generative AI users.\n\n```\nGenerative AI users: 700 million\n```\n');
    const out = JSON.parse(run(['--json', html, md]).stdout);
    expect(out[0].figures.map((f: { text: string; metric: string; verdict: string }) => [f.text, f.metric, f.verdict])).toEqual([
      ['11.25亿人', 'internet-users', 'exact'],
      ['80.1%', 'internet-penetration', 'exact'],
    ]);
    expect(out[1].figures.map((f: { text: string; verdict: string }) => [f.text, f.verdict])).toEqual([['602 million', 'exact']]);
  });

  it('reads standard input with "-"', () => {
    const out = JSON.parse(run(['--json', '-'], 'China had 700 million generative AI users at the end of 2025.').stdout);
    expect(out[0].file).toBe('-');
    expect(out[0].figures.map((f: { verdict: string }) => f.verdict)).toEqual(['conflict']);
  });

  it('--fail-on conflict exits 1 only when a conflict is found; --fail-on outdated also on outdated', () => {
    const wrong = write('wrong.txt', 'China had 700 million generative AI users at the end of 2025.');
    const old = write('old.txt', 'China had 249 million generative AI users.');
    expect(run(['--fail-on', 'conflict', SEED]).code).toBe(0);
    expect(run(['--fail-on', 'conflict', wrong]).code).toBe(1);
    expect(run(['--fail-on', 'conflict', old]).code).toBe(0);
    expect(run(['--fail-on=outdated', old]).code).toBe(1);
    expect(run(['--fail-on', 'bogus', old]).code).toBe(2);
  });

  it('names a missing, unreadable or binary file in one line, exits 2, and still checks the others', () => {
    const binary = write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]));
    const missing = join(tmp, 'nope.html');
    const r = run(['--json', missing, binary, tmp, SEED]);
    expect(r.code).toBe(2);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBe(`figure-check: ${missing}: cannot read (no such file)`);
    expect(errors[1]).toBe(`figure-check: ${binary}: binary file, not checked`);
    expect(errors[2]).toBe(`figure-check: ${tmp}: cannot read (is a directory)`);
    const out = JSON.parse(r.stdout);
    expect(out.map((f: { file: string }) => f.file)).toEqual([SEED]);
    expect(out[0].figures.length).toBeGreaterThan(10);
  });
});
