import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { deriveChecklist } from "../../derive/checklist.ts";
import { sourceInfo } from "../../git/source-info.ts";
import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { writeAtomic } from "../../lib/write-atomic.ts";
import { assertOutsidePacks } from "../../pack/outside-packs.ts";
import { CALENDAR_PRODID } from "../../render/calendar-ics.ts";
import { mspCalendar } from "../../render/msp-calendar.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, DEFAULT_OUT, rootOf, todayOf } from "./common.ts";

export const calendar: Command = {
  name: "calendar",
  usage: "handover calendar [slug...] [--root <dir>] [--today YYYY-MM-DD] [--out <file.ics>]",
  options: { ...COMMON_OPTIONS, out: { type: "string" } },
  async run(args, io: Io) {
    const today = todayOf(args);
    const out = stringOption(args, "out");
    const root = rootOf(args, io);
    const target = out === undefined ? undefined : resolve(io.cwd, out);
    if (target) assertWritable(target, root);
    const result = await validateRepository(root, args.positionals);
    const { playbook } = result;
    if (!playbook || hasErrors(result.problems)) {
      io.stderr(`${formatText(result.problems, { clients: result.clients.length, records: result.records })}The calendar is made from valid records only: fix the errors above first.\n`);
      return 1;
    }
    // DTSTAMP from the records' commit, as a pack's; outside git, the day it is made for.
    const stamp = (await sourceInfo(result.root)).date ?? today;
    const clients = result.clients.map(({ model }) => ({ model, checklist: deriveChecklist(model, playbook) }));
    const { ics, events } = mspCalendar(clients, today, stamp);
    const of = `${clients.length} ${clients.length === 1 ? "client" : "clients"}`;
    if (ics === undefined) {
      const left = target && existsSync(target) ? `; ${target} was left as it was` : "";
      io.stderr(`no dated event in ${of} yet (no notice, end date, cutover or dated step), so there is no calendar to write${left}\n`);
      return 0;
    }
    if (!target) {
      io.stdout(ics);
      return 0;
    }
    writeAtomic(target, ics);
    io.stdout(`wrote ${events} ${events === 1 ? "event" : "events"} of ${of} to ${target}\n`);
    return 0;
  },
};

/**
 * The MSP's calendar holds internal facts: never where a pack is delivered from, and never over a
 * file that is not a calendar this toolkit wrote.
 */
function assertWritable(target: string, root: string): void {
  assertOutsidePacks(target, resolve(root, DEFAULT_OUT));
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) throw new UsageError(`--out ${target} is a folder: give the calendar file's path, for example ${target}/handover.ics`);
  const head = readFileSync(target, "utf8").slice(0, 200);
  if (!head.startsWith("BEGIN:VCALENDAR\r\n") || !head.includes(`\r\nPRODID:${CALENDAR_PRODID}\r\n`)) {
    throw new UsageError(`${target} exists and is not a calendar written by handover, so it was not overwritten: choose another --out, or remove it first`);
  }
}
