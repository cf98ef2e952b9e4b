/**
 * How far V8 may grow each heap's young generation. Left to itself it grows every heap's
 * semi-spaces to 16 MB or more and keeps the pages: a build of 1,000 harbor-finch copies (this
 * thread, a worker and Astro's process, each its own heap) then peaked at 1,161-1,173 MB, of which
 * the objects alive were a fraction. With 8 MB semi-spaces for the worker and Astro's process the
 * same build peaks at 935-952 MB in the same time, as `npm run bench` shows. A worker's young
 * generation is its two semi-spaces and a third as large for new large objects.
 */
export const SEMI_SPACE_MB = 8;

/** For a process the toolkit starts (`execArgv`). */
export const YOUNG_GENERATION_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** For a worker thread (`resourceLimits`). */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB } as const;
