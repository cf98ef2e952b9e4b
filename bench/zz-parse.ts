import { loadClient } from "../scripts/load/load-client.ts";
import { parseBody } from "../scripts/load/body.ts";
const c = loadClient(".", "harbor-finch");
const N = Number(process.argv[2] ?? 300);
const t0 = performance.now();
for (let i = 0; i < N; i++) for (const r of c.records) parseBody(r.source.text, r.bodyOffset);
console.log("per client", ((performance.now() - t0) / N).toFixed(2), "ms");
