/**
 * How far V8 may grow each heap's young generation. Left to itself it grows every heap's
 * semi-spaces to 16 MB and keeps the pages: a build of 1,000 clients (this thread, a worker and
 * Astro's process, each its own heap) then peaked at about 1.17 GB, of which the objects alive
 * were a fraction. With 8 MB semi-spaces the same build peaks at about 0.83 GB in the same time,
 * as `npm run bench` shows. A worker's young generation is its two semi-spaces and as much again
 * for large objects.
 */
export const SEMI_SPACE_MB = 8;

/** For a process the toolkit starts (`execArgv`). */
export const YOUNG_GENERATION_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** For a worker thread (`resourceLimits`). */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB } as const;
