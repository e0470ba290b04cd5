import { describe, expect, it } from "vitest";
import { orderByAttention, type StoryCounts } from "@/lib/overview";

describe("orderByAttention", () => {
  const s = (id: number, high: number, medium: number, updatedAt: string): StoryCounts => {
    const z = { open: 0, verified: 0, unsupported: 0, dismissed: 0 };
    return { id, updatedAt, counts: { high: { ...z, open: high, verified: 4 }, medium: { ...z, open: medium }, low: { ...z, open: 9 } } };
  };
  it("puts open high flags first, then open medium, then the newest", () => {
    const order = orderByAttention([s(1, 0, 0, "2026-03-05"), s(2, 1, 0, "2026-03-01"), s(3, 0, 2, "2026-03-01"), s(4, 0, 0, "2026-03-06"), s(5, 3, 0, "2026-02-01")]);
    expect(order.map((x) => x.id)).toEqual([5, 2, 3, 4, 1]);
  });
});
