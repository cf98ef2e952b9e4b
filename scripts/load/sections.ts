/** A heading and everything under it up to the next heading of the same or a higher level. */
export interface Section {
  heading: string;
  depth: number;
  /** Offsets in the source text: the heading's start and the section's end. */
  start: number;
  end: number;
  /** Under a heading `Internal` or `Internal: …`, or nested inside such a section. */
  internal: boolean;
}

/** `Internal`, `Internal: billing`, `Internal notes`, `Internal (pricing)`: any heading that starts with the word. */
export function isInternalHeading(text: string): boolean {
  return /^internal\b/i.test(text.trim());
}

/** Sections from a page's top-level headings in order: their plain text, level and start offset. */
export function sectionsFromHeadings(headings: readonly { text: string; depth: number; start: number }[], length: number): Section[] {
  const sections: Section[] = headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((later) => later.depth <= heading.depth);
    return {
      heading: heading.text.trim(),
      depth: heading.depth,
      start: heading.start,
      end: next?.start ?? length,
      internal: isInternalHeading(heading.text),
    };
  });
  for (const section of sections) {
    section.internal ||= sections.some((outer) => outer.internal && outer.start < section.start && section.end <= outer.end);
  }
  return sections;
}
