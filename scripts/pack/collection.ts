import { decided } from "../model/to-decide.ts";
import type { Asset } from "../model/types.ts";
import { LABELS } from "../render/labels.ts";

type Owned = Pick<Asset, "owner" | "vendor">;

/**
 * Who collects an asset marked `retrieve`, to follow "collected by": us, except that leased
 * hardware goes back to the leasing company or vendor that owns it (named in `vendor`).
 */
function collector(asset: Owned): string {
  if (asset.owner !== "leased") return "us";
  const vendor = decided(asset.vendor);
  return vendor ? `its owner, ${vendor}` : "the leasing company or vendor that owns it";
}

/** What happens to an asset, in a few words; "We collect it" would be wrong for leased hardware. */
export function dispositionLabel(asset: Owned & Pick<Asset, "disposition">): string {
  return asset.disposition === "retrieve" && asset.owner === "leased" ? "Its owner collects it" : LABELS.assetDisposition[asset.disposition];
}

/**
 * What the timeline says happens to an asset, before and after its date; nothing for what simply
 * stays. Each label starts with the asset's name, so it reads well whatever the asset is called.
 */
export function dispositionEvent(asset: Owned & Pick<Asset, "name" | "disposition">): { present: string; past: string } | undefined {
  if (asset.disposition === "retrieve") {
    const collected = `${asset.name}: collected by ${collector(asset)}`;
    return { present: collected, past: collected };
  }
  if (asset.disposition === "transfer-ownership") return { present: `${asset.name}: ownership passes to you`, past: `${asset.name}: ownership passed to you` };
  if (asset.disposition === "decommission") return { present: `${asset.name}: to be decommissioned`, past: `${asset.name}: decommissioned` };
  return undefined;
}
