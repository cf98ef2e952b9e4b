import { daysBetween } from "../lib/dates.ts";
import { wrapText } from "./text-width.ts";

/** One event on the timeline, in the words the reader sees. */
export interface TimelineEntry {
  date: string;
  label: string;
}

/** The events of one day, or today's mark: a heading (the date) and the events' lines below it. */
export interface TimelineGroup {
  date: string;
  when: "past" | "today" | "future";
  heading: string;
  /** Each event's label, wrapped to the width of the picture. */
  events: string[][];
  /** Where the day's dot is on the axis, level with its heading. */
  dotY: number;
  /** The top of the group's text; its box is `top` to `top + height`, from `LABEL_X` to `WIDTH - RIGHT`. */
  top: number;
  height: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisTop: number;
  axisBottom: number;
  todayY: number;
  groups: TimelineGroup[];
}

/**
 * Sizes in the picture's units. It is drawn 340 wide and scaled to the page: on a phone's 320 CSS
 * pixels the events' 15-unit text is 14 pixels, in a 24rem frame on a screen or paper 17.
 */
export const SIZES = {
  WIDTH: 340,
  AXIS_X: 18,
  LABEL_X: 38,
  RIGHT: 6,
  /** The indent of an event's lines when a day has several events, each after a bullet. */
  BULLET_INDENT: 12,
  HEADING_SIZE: 14,
  TEXT_SIZE: 15,
  HEADING_LINE: 20,
  TEXT_LINE: 20,
  EVENT_GAP: 3,
  GROUP_GAP: 12,
  /** Added between two days for each day between them, up to MAX_PAUSE: a month is 15 units. */
  PAUSE_PER_DAY: 0.5,
  MAX_PAUSE: 45,
  MARGIN: 12,
} as const;

const S = SIZES;

/**
 * Lays out the timeline: the days down a vertical axis, each with its text to the right, level
 * with its dot. The space between two days grows with the time between them, up to a limit, so
 * close days stay close and a quiet month does not push the rest off the page; text boxes never
 * overlap, and every line is wrapped to fit the width.
 */
export function timelineLayout(entries: readonly TimelineEntry[], today: string): TimelineLayout {
  const groups = groupsOf(entries, today);
  let top = S.MARGIN;
  let previous: TimelineGroup | undefined;
  for (const group of groups) {
    if (previous) top = previous.top + previous.height + S.GROUP_GAP + Math.min(S.MAX_PAUSE, daysBetween(previous.date, group.date) * S.PAUSE_PER_DAY);
    group.top = round(top);
    group.dotY = round(group.top + S.HEADING_LINE / 2);
    previous = group;
  }
  const last = groups.at(-1) as TimelineGroup;
  return {
    width: S.WIDTH,
    height: round(last.top + last.height + S.MARGIN),
    axisTop: (groups[0] as TimelineGroup).dotY,
    axisBottom: last.dotY,
    todayY: (groups.find((group) => group.when === "today") as TimelineGroup).dotY,
    groups,
  };
}

/** One group a day, today's always among them, in date order. */
function groupsOf(entries: readonly TimelineEntry[], today: string): TimelineGroup[] {
  const byDate = new Map<string, string[]>([[today, []]]);
  for (const entry of entries) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry.label]);
  return [...byDate.keys()].sort().map((date) => {
    const labels = byDate.get(date) as string[];
    const when = date < today ? "past" : date === today ? "today" : "future";
    const indent = labels.length > 1 ? S.BULLET_INDENT : 0;
    const available = (S.WIDTH - S.LABEL_X - S.RIGHT - indent) / S.TEXT_SIZE;
    const events = labels.map((label) => wrapText(label, available));
    const lines = events.reduce((sum, event) => sum + event.length, 0);
    const height = S.HEADING_LINE + lines * S.TEXT_LINE + S.EVENT_GAP * Math.max(0, events.length - 1);
    const heading = when === "today" ? `Today, ${date}` : date;
    return { date, when, heading, events, dotY: 0, top: 0, height };
  });
}

/** Coordinates to a tenth of a unit: enough for any screen, and the same text on every run. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

