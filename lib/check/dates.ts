/**
 * Years a sentence dates its figures to. A year introduced as a comparison base ("from the end of
 * 2024", "较2024年底", "compared with 2023") is not the figure's own period and is left out.
 */
const YEAR = /(?<![0-9A-Za-z.,])((?:19|20)\d\d)(?![0-9]|,\d|\.\d)/g;
const BASELINE_BEFORE = /(?:from|since|than|compared (?:with|to)|versus|vs\.?|over|against|上年|较|比|相比|同比|与)\s*(?:the\s+)?(?:(?:end|close|start|beginning|middle|first half|second half) of\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+)?$/i;

export function periodYears(sentence: string): number[] {
  const years: number[] = [];
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(sentence)) !== null) {
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    if (BASELINE_BEFORE.test(before)) continue;
    years.push(Number(m[1]));
  }
  return years;
}
