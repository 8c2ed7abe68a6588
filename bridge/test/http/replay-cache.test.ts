import { describe, expect, it } from 'vitest';
import { ReplayCache } from '../../src/http/replay-cache.js';

describe('ReplayCache', () => {
  it('when a signature is seen twice within its lifetime, then the second time is refused', () => {
    const cache = new ReplayCache(600_000);
    expect(cache.remember('a', 0)).toBe(true);
    expect(cache.remember('a', 599_999)).toBe(false);
  });

  it('when the lifetime has passed, then the entry is forgotten and memory is released', () => {
    const cache = new ReplayCache(1000);
    cache.remember('a', 0);
    cache.remember('b', 500);
    expect(cache.remember('c', 1200)).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.remember('a', 1300)).toBe(true);
  });

  it('when the cache is full, then the oldest entry is dropped and the size stays bounded', () => {
    const cache = new ReplayCache(60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) cache.remember(key, 10);
    expect(cache.size).toBe(3);
    expect(cache.remember('d', 11)).toBe(false);
    expect(cache.remember('a', 11)).toBe(true);
  });
});
