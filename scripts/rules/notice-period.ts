import { addDays } from "../lib/dates.ts";
import type { Problem } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";
import { problemAtField } from "../lib/problem-at.ts";

export const RULE = "notice-period";

/** Services stop no earlier than the notice date plus the contractual notice period. */
export function checkNoticePeriod(model: ClientModel): Problem[] {
  const record = model.case;
  const notice = record?.data.notice;
  const stop = record?.data.servicesStop;
  if (!record || !notice || !stop) return [];
  const earliest = addDays(notice.date, notice.periodDays);
  if (stop >= earliest) return [];
  return [
    problemAtField(
      record,
      ["servicesStop"],
      RULE,
      `services stop on ${stop}, before the ${notice.periodDays}-day notice period from ${notice.date} ends; the earliest stop date is ${earliest}`,
    ),
  ];
}
