import ICAL from "ical.js";

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | undefined;
  /** YYYY-MM-DD, and whether DTSTART is a DATE (all day) rather than a DATE-TIME. */
  start: string;
  allDay: boolean;
  end: string;
  stamp: string;
}

/** An iCalendar file read back by ical.js, as a calendar application would. */
export function parseIcs(text: string): { name: string | undefined; prodId: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const day = (time: ICAL.Time) => `${time.year}-${String(time.month).padStart(2, "0")}-${String(time.day).padStart(2, "0")}`;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? undefined,
      start: day(event.startDate),
      allDay: event.startDate.isDate,
      end: day(event.endDate),
      stamp: (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toString(),
    };
  });
  return { name: calendar.getFirstPropertyValue("x-wr-calname") as string | undefined, prodId: calendar.getFirstPropertyValue("prodid") as string, events };
}

/** Every line of the file, as RFC 5545 asks: CRLF-terminated and at most 75 octets long. */
export function rfc5545LineProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the last line has no CRLF");
  if (/[^\r]\n|\r(?!\n)/.test(text)) problems.push("a line ends without CRLF");
  for (const line of text.split("\r\n")) if (Buffer.byteLength(line) > 75) problems.push(`over 75 octets: ${line}`);
  return problems;
}
