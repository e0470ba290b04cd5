/**
 * A small seeded pseudo-random generator for the benchmark corpus. lib/ takes
 * no randomness from the environment: the caller builds one from a seed and
 * passes it in, so a (seed, N) pair always yields the same corpus.
 */

/** A source of numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: 32-bit state, fast, good enough spread for choosing words and
 * rates. Not for anything secret. Throws on a seed that is not a finite number.
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`createRandom: seed must be a finite number, got ${String(seed)}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  if (!(n >= 1)) throw new Error(`randomInt: n must be at least 1, got ${n}`);
  return Math.floor(random() * n);
}

/** One element of a non-empty array. */
export function pickOne<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pickOne: empty list");
  return items[randomInt(random, items.length)];
}

/** True with probability p. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}

/** A new array with the items in a random order (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
