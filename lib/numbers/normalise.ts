/**
 * A 1:1 code-unit normalisation table: every UTF-16 code unit maps to exactly one code unit,
 * so offsets into the normalised view are offsets into the original text. The recogniser never
 * builds a normalised copy of the text; it reads `NORM[text.charCodeAt(i)]` instead.
 *
 * - full-width ASCII (！-～, except the Chinese comma ，) → ASCII (０-９ → 0-9, ％ → %, ．→ ., （）→ ())
 * - ideographic / no-break / thin spaces → space; hyphen-like dashes and the minus sign → '-'
 * - ￥ → ¥, ￡ → £, ﹪ → %
 * - Traditional characters the recogniser looks at → Simplified (億→亿, 萬→万, 個→个, 點→点 …)
 */
export const NORM: Uint16Array = buildNorm();

function buildNorm(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = i;
  for (let i = 0xff01; i <= 0xff5e; i++) if (i !== 0xff0c) t[i] = i - 0xfee0;
  const spaces = [0x00a0, 0x3000, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f];
  for (const s of spaces) t[s] = 32;
  for (const d of [0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63]) t[d] = 45;
  t[0xffe5] = 0xa5; // ￥ → ¥
  t[0xffe1] = 0xa3; // ￡ → £
  t[0xfe6a] = 37; // ﹪ → %
  const pairs =
    '億亿萬万兩两個个點点餘余過过約约將将為为戶户項项條条種种輛辆臺台檯台幣币鎊镑歐欧數数幾几於于達达' +
    '圖图長长擴扩處处張张場场屆届間间棟栋筆笔顆颗塊块隻只滿满億亿門门時时號号還还僅仅級级遊游樓楼';
  for (let k = 0; k + 1 < pairs.length; k += 2) t[pairs.charCodeAt(k)] = pairs.charCodeAt(k + 1);
  return t;
}
