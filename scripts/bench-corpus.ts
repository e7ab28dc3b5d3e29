/**
 * A large, deterministic news page for benchmarks: English and Chinese paragraphs with clutter,
 * official-looking figures (right, rounded, outdated, wrong) and plenty of unrelated numbers.
 */

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = [
  (n: () => string) => `China had ${n()} billion internet users by the end of 2025, with the penetration rate reaching ${n()} percent, according to the report.`,
  (n: () => string) => `The number of generative AI users reached ${n()} million, up ${n()} percent from a year earlier.`,
  (n: () => string) => `Shares of the company rose ${n()} percent to ${n()} Hong Kong dollars on Tuesday, giving it a market value of ${n()} billion.`,
  (n: () => string) => `The city plans to invest ${n()} million yuan in ${n()} new data centres over the next ${n()} years.`,
  (n: () => string) => `More than ${n()},000 visitors attended the expo, which ran for ${n()} days and featured ${n()} exhibitors from ${n()} countries.`,
  (n: () => string) => `Analysts said the sector could grow by ${n()} percent a year, though margins remain thin at around ${n()} percent.`,
  (n: () => string) => `The country now has ${n()} ten-thousand-GPU intelligent computing clusters and over ${n()} AI enterprises.`,
  () => `Officials said the new rules would take effect next month and apply to all platforms operating in the country.`,
  () => `Readers can contact the newsroom at +86 10 6552 1234 or follow the live blog for updates at 10:30.`,
  () => `The report, released by the China Internet Network Information Center on Thursday, underscores broader adoption of the technology.`,
  () => `Industry insiders say competition among platforms has intensified as companies race to turn research into products people pay for.`,
  () => `Critics warned that rapid adoption could outpace oversight, and called for clearer rules on data protection and accountability.`,
  () => `Small firms, in particular, are using the tools to cut costs in design, testing and customer service.`,
  () => `The ministry said it would continue to support research, standards development and the training of skilled workers.`,
];
const ZH = [
  (n: () => string) => `截至2025年12月，我国网民规模达${n()}亿人，互联网普及率达${n()}%。`,
  (n: () => string) => `生成式人工智能用户规模达${n()}亿人，较2024年底增长${n()}%，普及率达${n()}%。`,
  (n: () => string) => `该公司第三季度营收${n()}亿元，同比增长${n()}%，净利润${n()}亿元。`,
  (n: () => string) => `本次展会吸引了${n()}万名观众，共有${n()}家企业参展，签约项目${n()}个。`,
  (n: () => string) => `我国累计建成5G基站${n()}万个，万卡智算集群${n()}个，人工智能企业超过${n()}家。`,
  () => `记者从有关部门获悉，相关规定将于下月起正式施行，适用于所有在境内运营的平台。`,
  () => `报告指出，生成式人工智能正加速融入生产生活，成为推动经济社会数字化智能化转型的重要引擎。`,
  () => `业内人士表示，随着应用场景不断拓展，中小企业正成为技术创新的重要力量。`,
  () => `专家建议，在鼓励创新的同时，应进一步完善数据安全和个人信息保护等方面的制度建设。`,
  () => `不少地方出台支持政策，推动人工智能在制造、医疗、教育等领域落地应用。`,
  (n: () => string) => `京ICP备${n()}${n()}${n()}号 联系电话：010-${n()}${n()}${n()}${n()} 版权所有 2026`,
];

export function generateNewsPage(targetChars: number, seed = 42): string {
  const random = rng(seed);
  const num = () => {
    const r = random();
    return r < 0.3 ? String(Math.floor(random() * 100)) : r < 0.6 ? (random() * 100).toFixed(1) : r < 0.8 ? (random() * 10).toFixed(2) : String(Math.floor(random() * 1000));
  };
  const parts: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark news page</title></head><body>'];
  let size = 0;
  let article = 0;
  while (size < targetChars) {
    article++;
    const zh = random() < 0.5;
    const heading = zh ? `<h2>第${article}篇：数字经济与人工智能观察</h2>` : `<h2>Article ${article}: China's digital economy in numbers</h2>`;
    parts.push(`<nav><a href="/">Home</a> | <a href="/tech">Tech</a> | <a href="/biz">Business</a></nav><article>${heading}`);
    size += heading.length;
    const paragraphs = 4 + Math.floor(random() * 6);
    for (let p = 0; p < paragraphs; p++) {
      const pool = zh ? ZH : EN;
      const sentences: string[] = [];
      const count = 2 + Math.floor(random() * 4);
      for (let s = 0; s < count; s++) sentences.push(pool[Math.floor(random() * pool.length)]!(num));
      let para = sentences.join(zh ? '' : ' ');
      if (!zh && random() < 0.2) para = para.replace(/(\d+(?:\.\d+)?) (million|billion)/, '<strong>$1</strong> $2');
      parts.push(`<p>${para}</p>`);
      size += para.length;
    }
    parts.push('<footer>© 2026 Example News. All rights reserved.</footer></article>');
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
