/**
 * A block of running text (a paragraph, heading, list item, table row …) with a map back to where
 * each of its characters came from. `N` is a DOM Text node in the browser and in the CLI's parsed
 * HTML, or a file offset for plain text and Markdown.
 */
export interface TextSegment<N> {
  /** [start, end) in the block's text. */
  start: number;
  end: number;
  /** The source of these characters: block text [start, end) equals source [sourceStart, sourceStart + end - start). */
  node: N;
  sourceStart: number;
}

export interface TextBlock<N> {
  text: string;
  /** Headings give context to the blocks below them. */
  heading: boolean;
  /** A table row: its cells' meaning depends on column headers we do not read, so it never yields a conflict. */
  tableRow?: boolean;
  /** Sorted, non-overlapping. Characters outside every segment were inserted by the extractor (separators). */
  segments: TextSegment<N>[];
}

/** Where a block offset comes from (binary search over the segments); undefined for inserted separators. */
export function locate<N>(block: TextBlock<N>, offset: number, preferEnd = false): { node: N; offset: number } | undefined {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segs[mid]!;
    // An offset on the boundary of two segments belongs to the next one, or to the previous one for a range end.
    if (offset < seg.start || (preferEnd && offset === seg.start && offset > 0)) hi = mid - 1;
    else if (offset > seg.end || (!preferEnd && offset === seg.end && mid + 1 < segs.length && segs[mid + 1]!.start === offset)) lo = mid + 1;
    else return { node: seg.node, offset: seg.sourceStart + (offset - seg.start) };
  }
  return undefined;
}
