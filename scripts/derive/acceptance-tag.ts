import type { Provenance } from "../git/provenance.ts";
import { problemAtField } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";

export const RULE = "acceptance-tag";

/**
 * The acceptance names a pack this client was given: a final release tag of this client that the
 * repository holds. Another client's tag, or one that is not among this client's releases, is an
 * error: the evidence would name a pack nobody delivered. With no release tag of the client at all
 * (a clone made without tags, or the template's examples) it is a warning, as there is nothing here
 * to hold it against. Outside git there is nothing to check.
 */
export function checkAcceptanceTag(model: ClientModel, history: Provenance | undefined): Problem[] {
  const acceptance = model.acceptance;
  if (!acceptance || !history) return [];
  const { tag } = acceptance.data;
  const own = `handover/${model.slug}/`;
  const at = (message: string, severity: "error" | "warning" = "error") => [problemAtField(acceptance, ["tag"], RULE, message, severity)];
  if (!tag.startsWith(own)) return at(`\`${tag}\` is a release of another client; name a release of ${model.slug}, \`${own}<YYYY-MM-DD>\``);
  const releases = [...history.releaseTags].filter((name) => name.startsWith(own) && !name.includes("-draft.")).sort();
  if (history.releaseTags.has(tag)) return [];
  if (releases.length === 0) {
    return at(`this repository has no release tag of ${model.slug}, so \`${tag}\` cannot be checked: fetch the tags (\`git fetch --tags\`) or release the pack with \`handover release ${model.slug}\``, "warning");
  }
  return at(`\`${tag}\` is no release of ${model.slug} in this repository; its releases are ${releases.map((name) => `\`${name}\``).join(", ")}`);
}
