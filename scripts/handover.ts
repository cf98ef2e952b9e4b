#!/usr/bin/env node
import { enableCompileCache } from "node:module";

// Node keeps compiled modules in a cache in the temp folder, so later runs start faster.
enableCompileCache();
const { main } = await import("./cli/main.ts");
const { endQuietlyOnClosedPipe, processIo } = await import("./cli/io.ts");

endQuietlyOnClosedPipe(process.stdout);

process.exitCode = await main(process.argv.slice(2), processIo);
