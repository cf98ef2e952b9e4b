import { describe, expect, it } from "vitest";
import { textWidth, wrapText } from "../../scripts/render/text-width.ts";
import { SIZES, timelineLayout, type TimelineEntry } from "../../scripts/render/timeline-layout.ts";
import { timelineSvg } from "../../scripts/render/timeline-svg.ts";

const style = { title: "The handover of Harbor & Finch LLP", primary: "#1f3a5f", accent: "#0f766e" };

/** Days close together, several on one day, and labels long enough to wrap. */
const crowded: TimelineEntry[] = [
  { date: "2026-12-14", label: "The notice period ends" },
  ...["Northpoint IT takes over support", "Our managed services stop", "Antivirus (SentinelOne) ends", "E-mail filtering (Mimecast) ends"].map((label) => ({ date: "2026-12-15", label })),
  { date: "2026-12-16", label: "Office firewall: collected by us" },
  { date: "2026-12-17", label: "Backup and Disaster Recovery Agreement with a very long name that wraps over several lines ends" },
  { date: "2026-12-18", label: "Supercalifragilisticexpialidocious-Subscription-Without-Any-Space-At-All" },
  { date: "2027-06-15", label: 'Last day we keep the old copies of "Microsoft 365 backup"' },
];

/** Every text line's box, as laid out: [left, top, right, bottom]. */
function textBoxes(entries: readonly TimelineEntry[], today: string) {
  const layout = timelineLayout(entries, today);
  return layout.groups.map((group) => {
    const indent = group.events.length > 1 ? SIZES.BULLET_INDENT : 0;
    const widths = [textWidth(group.heading, true) * SIZES.HEADING_SIZE, ...group.events.flat().map((line) => indent + textWidth(line) * SIZES.TEXT_SIZE)];
    return { group, box: [SIZES.LABEL_X, group.top, SIZES.LABEL_X + Math.max(...widths), group.top + group.height] as const };
  });
}

describe("timelineLayout", () => {
  it("keeps the labels of close days apart, in date order, inside the picture", () => {
    const layout = timelineLayout(crowded, "2026-11-22");
    const boxes = textBoxes(crowded, "2026-11-22");
    expect(boxes.map(({ group }) => group.date)).toEqual(["2026-11-22", "2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18", "2027-06-15"]);
    for (const [index, { box }] of boxes.entries()) {
      expect(box[2], `group ${index} is too wide`).toBeLessThanOrEqual(SIZES.WIDTH - SIZES.RIGHT);
      expect(box[3]).toBeLessThanOrEqual(layout.height - SIZES.MARGIN);
      const next = boxes[index + 1];
      if (next) expect(next.box[1] - box[3], `groups ${index} and ${index + 1} overlap`).toBeGreaterThanOrEqual(SIZES.GROUP_GAP);
    }
  });

  it("puts one day's events under one date, each wrapped, and a word longer than a line cut to fit", () => {
    const groups = timelineLayout(crowded, "2026-11-22").groups;
    expect(groups.find((group) => group.date === "2026-12-15")!.events).toHaveLength(4);
    const long = groups.find((group) => group.date === "2026-12-17")!.events[0]!;
    expect(long.length).toBeGreaterThan(1);
    expect(long.join(" ")).toBe(crowded.find((entry) => entry.date === "2026-12-17")!.label);
    const unbroken = groups.find((group) => group.date === "2026-12-18")!.events[0]!;
    expect(unbroken.length).toBeGreaterThan(1);
    expect(unbroken.join("")).toBe(crowded.find((entry) => entry.date === "2026-12-18")!.label);
  });

  it("leaves more room between days far apart than between days close together, up to a limit", () => {
    const groups = timelineLayout(crowded, "2026-11-22").groups;
    const gap = (from: string, to: string) => {
      const a = groups.find((group) => group.date === from)!;
      const b = groups.find((group) => group.date === to)!;
      return b.top - (a.top + a.height);
    };
    expect(gap("2026-12-16", "2026-12-17")).toBeCloseTo(SIZES.GROUP_GAP + SIZES.PAUSE_PER_DAY, 5);
    expect(gap("2026-11-22", "2026-12-14")).toBeCloseTo(SIZES.GROUP_GAP + 22 * SIZES.PAUSE_PER_DAY, 5);
    expect(gap("2026-12-18", "2027-06-15")).toBeCloseTo(SIZES.GROUP_GAP + SIZES.MAX_PAUSE, 5);
  });

  it("marks today, on a day of its own or on the day that has events", () => {
    const apart = timelineLayout(crowded, "2026-11-22");
    expect(apart.groups.filter((group) => group.when === "today").map((group) => [group.heading, group.events])).toEqual([["Today, 2026-11-22", []]]);
    const same = timelineLayout(crowded, "2026-12-16");
    expect(same.groups.filter((group) => group.when === "today").map((group) => [group.heading, group.events.length])).toEqual([["Today, 2026-12-16", 1]]);
    expect(same.groups.map((group) => group.when)).toEqual(["past", "past", "today", "future", "future", "future"]);
    expect(same.todayY).toBe(same.groups[2]!.dotY);
  });
});

describe("timelineSvg", () => {
  const svg = timelineSvg(crowded, "2026-11-22", style);

  it("is the same text every time, whatever order the events come in", () => {
    expect(timelineSvg(crowded, "2026-11-22", style)).toBe(svg);
    // Events of one day keep the order given (the derived dates' order), days are sorted.
    const shuffled = [...crowded.filter((entry) => entry.date !== "2026-12-15").reverse(), ...crowded.filter((entry) => entry.date === "2026-12-15")];
    expect(timelineSvg(shuffled, "2026-11-22", style)).toBe(svg);
  });

  it("references nothing outside itself and holds no script", () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 340 [\d.]+"/);
    expect(svg).not.toMatch(/href|url\(|<script|<style|<image|<foreignObject|<use|<a\b|@import|javascript:/i);
    expect(svg).not.toMatch(/<[^>]*\son\w+=/i);
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:/);
  });

  it("draws today as a diamond, past days filled, days ahead open, the axis dashed after today", () => {
    const past = timelineSvg(crowded, "2026-12-16", style);
    expect(past.match(/<path d="M[^"]+Z" fill="#0f766e"\/>/g)).toHaveLength(1);
    expect(past.match(/<circle [^>]*r="5" fill="#1f3a5f"\/>/g)).toHaveLength(2);
    expect(past.match(/<circle [^>]*fill="#fff" stroke="#1f3a5f"/g)).toHaveLength(3);
    expect(past.match(/stroke-dasharray/g)).toHaveLength(1);
    expect(past).toContain(">Today, 2026-12-16</text>");
    // When every day is past, nothing is dashed.
    expect(timelineSvg(crowded, "2027-07-01", style)).not.toContain("stroke-dasharray");
  });

  it("escapes every text: a name with markup or an ampersand comes out as text", () => {
    const hostile = timelineSvg(
      [
        { date: "2026-12-15", label: `<script>alert("x")</script> & <img src=x onerror=alert(1)> ends` },
        { date: "2026-12-16", label: "Bell\u0007 and a lone \ud800 surrogate" },
      ],
      "2026-11-22",
      { ...style, title: "Harbor <script>alert(1)</script> & Finch" },
    );
    expect(hostile).not.toMatch(/<script|<img|<[^>]*\son\w+=|\u0007|\ud800/);
    expect(hostile).toContain("<title>Harbor &lt;script&gt;alert(1)&lt;/script&gt; &amp; Finch</title>");
    expect(hostile).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(hostile).toContain("Bell\ufffd");
    // Every element is one the timeline draws.
    expect(new Set([...hostile.matchAll(/<([a-zA-Z]+)/g)].map((match) => match[1]))).toEqual(new Set(["svg", "title", "line", "g", "circle", "path", "text"]));
  });
});

describe("wrapText", () => {
  it("fills lines up to the width and never past it", () => {
    const lines = wrapText("Backup and Disaster Recovery Agreement ends on the last day of the year", 12);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(12);
    // Each line but the last would overflow with the next word.
    lines.slice(0, -1).forEach((line, index) => expect(textWidth(`${line} ${lines[index + 1]!.split(" ")[0]}`)).toBeGreaterThan(12));
  });
});
