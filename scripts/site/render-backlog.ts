/**
 * Clients started and not yet done with: their pack not yet rendered by the site (or they made
 * none). Starting a client waits while `limit` are. The site renders one pack at a time, and a
 * pack made far ahead of it only takes a CPU from it; a pack made just in time does not.
 */
export interface RenderBacklog {
  /** Undefined when one more client may start at once; else a promise that resolves when it may. */
  admit(): Promise<void> | undefined;
  /** A started client is done with: its pages are rendered, or it made no pack for the site. */
  settle(): void;
  /** The site has ended or failed: nothing waits any more. */
  close(): void;
}

export function renderBacklog(limit: number): RenderBacklog {
  let started = 0;
  let settled = 0;
  let open = true;
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  const admit = (): Promise<void> | undefined => {
    if (!open || started - settled < limit) {
      started += 1;
      return undefined;
    }
    return new Promise<void>((resolve) => waiting.push(resolve)).then(admit);
  };
  return {
    admit,
    settle() {
      settled += 1;
      wake();
    },
    close() {
      open = false;
      wake();
    },
  };
}
