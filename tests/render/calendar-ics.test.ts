import { afterEach, describe, expect, it } from "vitest";
import { calendarIcs, CALENDAR_PRODID, eventUid } from "../../scripts/render/calendar-ics.ts";
import { parseIcs, rfc5545LineProblems } from "../helpers/ics.ts";

const calendar = {
  name: "Handover: Harbor & Finch; LLP, \\ Co",
  description: "From the pack.",
  stamp: "2026-11-22",
  events: [
    { uid: eventUid("harbor-finch", "client", "services-stop"), date: "2026-12-15", summary: "Our managed services stop" },
    { uid: eventUid("harbor-finch", "contracts/bdr", "contract-end"), date: "2026-12-31", summary: "Backup, Disaster; Recovery \\ Agreement ends", description: "Line one\nLine two" },
    {
      uid: eventUid("harbor-finch", "assets/m365", "renewal"),
      date: "2028-02-29",
      summary: "Très long abonnement Microsoft 365 — « Entreprise Premium » pour vingt-cinq utilisateurs 🎉 renouvelé",
    },
  ],
};

describe("calendarIcs", () => {
  const text = calendarIcs(calendar);
  const parsed = parseIcs(text);

  it("reads back in ical.js as all-day events with the given UIDs, texts and stamp", () => {
    expect(parsed.name).toBe(calendar.name);
    expect(parsed.prodId).toBe(CALENDAR_PRODID);
    expect(parsed.events).toEqual([
      { uid: "harbor-finch/client/services-stop@handover", summary: "Our managed services stop", description: undefined, start: "2026-12-15", allDay: true, end: "2026-12-16", stamp: "2026-11-22T00:00:00Z" },
      { uid: "harbor-finch/contracts/bdr/contract-end@handover", summary: calendar.events[1]!.summary, description: "Line one\nLine two", start: "2026-12-31", allDay: true, end: "2027-01-01", stamp: "2026-11-22T00:00:00Z" },
      { uid: "harbor-finch/assets/m365/renewal@handover", summary: calendar.events[2]!.summary, description: undefined, start: "2028-02-29", allDay: true, end: "2028-03-01", stamp: "2026-11-22T00:00:00Z" },
    ]);
  });

  it("writes RFC 5545 lines: CRLF after each, the last too, folded at 75 octets without splitting a character", () => {
    expect(rfc5545LineProblems(text)).toEqual([]);
    // The long summary was folded (and ical.js joined it again, above).
    expect(text).toMatch(/\r\n [^\r\n]/);
    expect(text).toContain("DTSTART;VALUE=DATE:20261215\r\n");
    expect(text).toContain("TRANSP:TRANSPARENT\r\n");
    expect(text).not.toContain("\ufffd");
  });

  it("gives the same bytes every time, from the stamp and never from the clock", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(calendarIcs(calendar)).toBe(text);
  });

  it("refuses a calendar without an event, which RFC 5545 does not allow", () => {
    expect(() => calendarIcs({ ...calendar, events: [] })).toThrow(/has no event/);
  });

  describe("in any time zone", () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"])("%s keeps every date on its day", (tz) => {
      process.env.TZ = tz;
      // The zone took effect: this day's local offset is not zero.
      expect(new Date("2026-12-15T00:00:00Z").getTimezoneOffset()).not.toBe(0);
      expect(calendarIcs(calendar)).toBe(text);
    });
  });
});
