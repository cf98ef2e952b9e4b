import ical, { ICalEventTransparency } from "ical-generator";
import { addDays } from "../lib/dates.ts";

/** One all-day event of a calendar file. */
export interface CalendarEvent {
  /** Stable across builds, so a calendar that imports the file again updates the event instead of adding it twice. */
  uid: string;
  /** YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
}

export interface Calendar {
  name: string;
  description: string;
  /** When the calendar was made, from git: YYYY-MM-DD, written as midnight UTC. */
  stamp: string;
  /** At least one: RFC 5545 has no calendar without a component, and calendar apps refuse one. */
  events: readonly CalendarEvent[];
}

/** Who made the file, as RFC 5545 writes it: ical-generator writes it from PRODUCT. */
const PRODUCT = { company: "handover", product: "handover dates", language: "EN" } as const;
export const CALENDAR_PRODID = `-//${PRODUCT.company}//${PRODUCT.product}//${PRODUCT.language}`;

/** A UID from what identifies the event: the client, the record (or step) and the kind of event. */
export function eventUid(slug: string, source: string, kind: string): string {
  return `${slug}/${source}/${kind}@handover`;
}

/**
 * An iCalendar file (RFC 5545): all-day events (VALUE=DATE, ending the next day), free time
 * (TRANSP:TRANSPARENT: a date to remember is no meeting), CRLF line ends and lines folded at 75
 * octets by ical-generator. Nothing comes from the clock: DTSTAMP is the given stamp, so the same
 * records give the same bytes.
 */
export function calendarIcs(calendar: Calendar): string {
  if (calendar.events.length === 0) throw new Error(`the calendar "${calendar.name}" has no event, and RFC 5545 has no empty calendar`);
  const stamp = `${calendar.stamp}T00:00:00Z`;
  const file = ical({ name: calendar.name, description: calendar.description, prodId: PRODUCT });
  for (const event of calendar.events) {
    file.createEvent({
      id: event.uid,
      allDay: true,
      start: event.date,
      end: addDays(event.date, 1),
      stamp,
      summary: event.summary,
      ...(event.description === undefined ? {} : { description: event.description }),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  return `${file.toString()}\r\n`;
}
