import { SIZES as S, timelineLayout, type TimelineEntry, type TimelineGroup } from "./timeline-layout.ts";
import { xmlText } from "./xml-text.ts";

export interface TimelineStyle {
  /** The picture's title, for example the client's name. */
  title: string;
  /** Validated `#rrggbb` colours from the branding: the days, and today's mark. */
  primary: string;
  accent: string;
}

const TEXT = "#1b1f24";
const MUTED = "#545d68";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * The timeline as a static SVG, made once at build time: no script, no link, no outside font or
 * file, every text escaped. Days past have a filled dot, days ahead an open one, today a diamond;
 * the axis is solid up to today and dashed after it, so the picture reads the same in black and
 * white. It scales with the width it is given (viewBox); the page sets that width.
 */
export function timelineSvg(entries: readonly TimelineEntry[], today: string, style: TimelineStyle): string {
  const layout = timelineLayout(entries, today);
  const pastEnd = Math.min(layout.todayY, layout.axisBottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" font-family="${FONT}" aria-hidden="true" focusable="false">`,
    `<title>${xmlText(style.title)}</title>`,
    line(S.AXIS_X, layout.axisTop, S.AXIS_X, pastEnd, `stroke="${MUTED}" stroke-width="2"`),
    layout.axisBottom > pastEnd ? line(S.AXIS_X, pastEnd, S.AXIS_X, layout.axisBottom, `stroke="${MUTED}" stroke-width="2" stroke-dasharray="4 4"`) : "",
    ...layout.groups.map((group) => groupSvg(group, style)),
    "</svg>",
  ];
  return parts.filter(Boolean).join("\n");
}

function groupSvg(group: TimelineGroup, style: TimelineStyle): string {
  const colour = group.when === "today" ? style.accent : style.primary;
  const parts = [marker(group, colour)];
  parts.push(text(S.LABEL_X, group.top + 15, group.heading, `font-size="${S.HEADING_SIZE}" font-weight="700" fill="${colour}"`));
  const bullets = group.events.length > 1;
  let y = group.top + S.HEADING_LINE;
  for (const lines of group.events) {
    lines.forEach((content, index) => {
      const baseline = y + 15;
      if (bullets && index === 0) parts.push(text(S.LABEL_X, baseline, "•", `font-size="${S.TEXT_SIZE}" fill="${MUTED}"`));
      parts.push(text(S.LABEL_X + (bullets ? S.BULLET_INDENT : 0), baseline, content, `font-size="${S.TEXT_SIZE}" fill="${TEXT}"`));
      y += S.TEXT_LINE;
    });
    y += S.EVENT_GAP;
  }
  return `<g>${parts.join("")}</g>`;
}

function marker(group: TimelineGroup, colour: string): string {
  const x = S.AXIS_X;
  const y = group.dotY;
  if (group.when === "today") return `<path d="M${x} ${n(y - 7)}L${x + 7} ${y}L${x} ${n(y + 7)}L${x - 7} ${y}Z" fill="${colour}"/>`;
  if (group.when === "past") return `<circle cx="${x}" cy="${y}" r="5" fill="${colour}"/>`;
  return `<circle cx="${x}" cy="${y}" r="4.5" fill="#fff" stroke="${colour}" stroke-width="2"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, attributes: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attributes}/>`;
}

function text(x: number, y: number, content: string, attributes: string): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attributes}>${xmlText(content)}</text>`;
}

/** A coordinate to a tenth, without float noise such as 12.300000000000001. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
