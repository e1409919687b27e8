/**
 * Circuit breaker per provider (docs/decisions: notification channels). After
 * `failures` consecutive temporary failures (time-outs, 5xx, refused connections)
 * the provider is skipped for `cooldownMs`; then one trial message is let through
 * (half-open): success closes the breaker, failure opens it for another cool-down.
 * Pure: the caller passes the time, so tests drive it with their own clock.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    readonly failures: number,
    readonly cooldownMs: number,
  ) {}

  state(now: number): BreakerState {
    if (this.openedAt === null) return 'closed';
    return now - this.openedAt >= this.cooldownMs ? 'half_open' : 'open';
  }

  /** May a message be sent now? In half-open state only one trial at a time. */
  allow(now: number): boolean {
    const s = this.state(now);
    if (s === 'closed') return true;
    if (s === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.consecutive = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  recordFailure(now: number): void {
    this.consecutive += 1;
    if (this.trialInFlight || this.consecutive >= this.failures) this.openedAt = now;
    this.trialInFlight = false;
  }

  /** A non-temporary outcome (e.g. an invalid number) says nothing about the provider's health. */
  recordNeutral(): void {
    this.trialInFlight = false;
  }

  snapshot(now: number): { state: BreakerState; consecutiveFailures: number; openUntil: string | null } {
    const s = this.state(now);
    return {
      state: s,
      consecutiveFailures: this.consecutive,
      openUntil: s === 'open' && this.openedAt !== null ? new Date(this.openedAt + this.cooldownMs).toISOString() : null,
    };
  }
}

/** Token bucket: `perMinute` sends a minute, with bursts of up to ten seconds' worth. */
export class RateLimiter {
  private tokens: number;
  private last: number | null = null;
  readonly capacity: number;

  constructor(readonly perMinute: number) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 6));
    this.tokens = this.capacity;
  }

  /** Takes a token, or returns how many ms until one is available. */
  take(now: number): { ok: true } | { ok: false; waitMs: number } {
    if (this.last !== null) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute) };
  }
}
