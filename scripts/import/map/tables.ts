import type { Table } from "mdast";
import { table } from "../../render/document-tree.ts";
import type { Imported } from "../export-data.ts";
import { screenFields } from "../firewall.ts";
import { oneLine } from "./text.ts";

/** One column of a table the import writes: its heading and the cell of each item. */
export type Column<Fields> = [string, (fields: Partial<Fields>) => string | undefined];

/**
 * A table with one row per item, every cell through the firewall: a cell that holds a secret is
 * left empty, and `withheld` names it by the item's entity, id and field. No items, no table.
 */
export function itemTable<Fields extends object>(items: readonly Imported<Fields>[], columns: readonly Column<Fields>[]): { table: Table | undefined; withheld: string[] } {
  const withheld: string[] = [];
  const rows = items.map((item) => {
    const screened = screenFields(item.fields);
    withheld.push(...screened.withheld.map((field) => `${item.origin.entity} ${item.origin.id} ${field}`));
    return columns.map(([, cell]) => oneLine(cell(screened.fields)) ?? "");
  });
  return { table: rows.length === 0 ? undefined : table([columns.map(([label]) => label), ...rows]), withheld };
}
