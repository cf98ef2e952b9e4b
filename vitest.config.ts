import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The compiled schemas and the secrets rules warm up once per worker; keep workers few on a 2-core machine.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
