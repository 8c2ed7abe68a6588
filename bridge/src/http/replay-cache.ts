/**
 * Signatures seen within the timestamp window. A signature is only accepted once: a captured request replayed
 * inside the window is refused. Entries expire with the window (an older replay fails the timestamp check
 * anyway), and the cache is bounded so a flood cannot exhaust memory; when full, the oldest entry goes first.
 * Map iteration order is insertion order, which makes the oldest entry the first key.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Records the signature; returns false when it was already seen and has not expired. */
  remember(signature: string, nowMs: number): boolean {
    this.evictExpired(nowMs);
    const expiresAt = this.seen.get(signature);
    if (expiresAt !== undefined && expiresAt > nowMs) return false;
    if (this.seen.size >= this.maxEntries) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.set(signature, nowMs + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evictExpired(nowMs: number): void {
    // Entries are inserted with a constant TTL, so expiry order is insertion order: stop at the first live one.
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > nowMs) break;
      this.seen.delete(key);
    }
  }
}
