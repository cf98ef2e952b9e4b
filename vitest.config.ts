import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Secretlint and schema compilation warm up once per worker; keep workers few on a 2-core machine.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
