import { describe, expect, it } from "vitest";
import { renderBacklog } from "../../scripts/site/render-backlog.ts";

describe("the render backlog", () => {
  it("admits clients at once up to its limit, then one for each that is settled", async () => {
    const backlog = renderBacklog(2);
    expect(backlog.admit()).toBeUndefined();
    expect(backlog.admit()).toBeUndefined();
    let admitted = 0;
    const third = backlog.admit()?.then(() => (admitted += 1));
    const fourth = backlog.admit()?.then(() => (admitted += 1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(0);
    backlog.settle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(1);
    backlog.settle();
    await Promise.all([third, fourth]);
    expect(admitted).toBe(2);
  });

  it("lets every waiting client go once closed: a site that failed never leaves a pack job waiting", async () => {
    const backlog = renderBacklog(1);
    backlog.admit();
    const waiting = [backlog.admit(), backlog.admit()];
    backlog.close();
    await Promise.all(waiting);
    expect(backlog.admit()).toBeUndefined();
  });
});
