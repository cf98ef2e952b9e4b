import type { Point, Problem } from "../../lib/problems.ts";
import type { DroppedColumn } from "../export-data.ts";
import { didYouMean } from "../../lib/suggest.ts";
import { exportProblem } from "./export-problem.ts";

export interface Organization {
  /** The source's id, when it has ids. */
  id?: string;
  name: string;
}

const SHOWN = 20;

/** What an export calls the organizations it holds, one and several. */
export type OrganizationWord = "organization" | "company" | "client";
const PLURAL: Readonly<Record<OrganizationWord, string>> = { organization: "organizations", company: "companies", client: "clients" };

export function sameName(a: string, b: string): boolean {
  const key = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
  return key(a) === key(b);
}

/** Whether a row's organization cell (a name or an id) names this organization. */
export function belongsTo(value: string | undefined, organization: Organization): boolean {
  return value !== undefined && (value === organization.id || sameName(value, organization.name));
}

/**
 * The one organization (IT Glue), company (Hudu) or client (ITFlow) to import from an export that
 * may hold several: the one named by `--organization`, or the only one. Several and none named,
 * or a name the export lacks, is a problem listing what there is: taking rows of another client
 * into this client's handover is the one mistake an import must never make. When it refuses,
 * nothing is imported, and no column counts as dropped from it.
 */
export function chooseOrganization<O extends Organization>(
  organizations: readonly O[],
  wanted: string | undefined,
  what: OrganizationWord,
  file: string,
  point: Point,
  problems: Problem[],
  dropped: DroppedColumn[],
): { chosen: O | undefined; refused: boolean } {
  const names = organizations.map((organization) => organization.name);
  const list = `${names.slice(0, SHOWN).join(", ")}${names.length > SHOWN ? ` and ${names.length - SHOWN} more` : ""}`;
  if (wanted !== undefined) {
    const chosen = organizations.find((organization) => belongsTo(wanted, organization));
    if (chosen) return { chosen, refused: false };
    const hint = didYouMean(wanted, names);
    dropped.length = 0;
    problems.push(
      exportProblem(file, point, `this export holds no ${what} named ${JSON.stringify(wanted)}${hint ? ` (did you mean '${hint}'?)` : ""}; it holds ${list || "none"}. Nothing was imported`),
    );
    return { chosen: undefined, refused: true };
  }
  if (organizations.length <= 1) return { chosen: organizations[0], refused: false };
  dropped.length = 0;
  problems.push(exportProblem(file, point, `this export holds ${organizations.length} ${PLURAL[what]} (${list}); pick the one to import with --organization "<name>". Nothing was imported`));
  return { chosen: undefined, refused: true };
}
