import type { Checklist } from "../derive/checklist.ts";
import { handoverDates, labelOn } from "../derive/handover-dates.ts";
import { stepDates } from "../derive/step-dates.ts";
import type { ClientModel } from "../model/types.ts";
import { calendarIcs, eventUid, type CalendarEvent } from "./calendar-ics.ts";

export interface CalendarClient {
  model: ClientModel;
  checklist: Checklist;
}

/** Its name says what it is to whoever finds the file: the MSP's, with internal facts in it. */
export const MSP_CALENDAR_NAME = "Handover dates (internal)";

/**
 * The MSP's own calendar across clients: every dated event of each handover, internal records
 * included, and the checklist's steps (done ones on their day, open blocking ones on the day
 * services stop); none when no client has a date yet. Internal by design: no pack is ever built from it.
 */
export function mspCalendar(clients: readonly CalendarClient[], today: string, stamp: string): { ics: string | undefined; events: number } {
  const events: CalendarEvent[] = [];
  for (const { model, checklist } of clients) {
    const name = model.case?.data.name ?? model.slug;
    for (const date of handoverDates(model, today)) {
      events.push({ uid: eventUid(model.slug, date.record, date.kind), date: date.date, summary: `${name}: ${labelOn(date, today)}`, description: `${model.dir}/${date.record}.md` });
    }
    for (const step of stepDates(checklist, model.case?.data.servicesStop)) {
      events.push({ uid: eventUid(model.slug, step.source, step.kind), date: step.date, summary: `${name}: ${step.summary}`, description: step.detail });
    }
  }
  // No file rather than an empty one: RFC 5545 has no calendar without an event.
  if (events.length === 0) return { ics: undefined, events: 0 };
  const ics = calendarIcs({
    name: MSP_CALENDAR_NAME,
    description: "Every client's handover dates and checklist steps, internal ones included: for the MSP only, never for a client.",
    stamp,
    events,
  });
  return { ics, events: events.length };
}
