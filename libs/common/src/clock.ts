import { Global, Injectable, Module } from '@nestjs/common';
import { shanghaiDay } from './calendar-day';

/**
 * "Now" for business rules (deadlines, notice periods, closing calls, due and overdue, decision timestamps). It is the
 * only source of business time: domain code asks `now()`/`today()` instead of `new Date()`, and SQL gets the instant
 * or the day as a parameter instead of calling `now()`/`current_date` (the database clock stays only for
 * bookkeeping: `created_at`/`updated_at`, outbox relay, locks). So tests can stand at an exact instant (`set`) or move
 * forward (`advance`) while the server runs normally. Production never calls the setters: it reads the machine's clock.
 */
@Injectable()
export class Clock {
  private fixed?: number;
  private offsetMs = 0;

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offsetMs);
  }

  /** Today on the Beijing calendar ('YYYY-MM-DD'): the day deadlines, due dates and ages are judged on. */
  today(): string {
    return shanghaiDay(this.now());
  }

  /** Tests: stop the clock at `at` (or let it run again with `undefined`). */
  set(at: Date | undefined): void {
    this.fixed = at?.getTime();
    this.offsetMs = 0;
  }

  /** Tests: move the clock forward (a stopped clock stays stopped, at the later instant). */
  advance(ms: number): void {
    if (this.fixed !== undefined) this.fixed += ms;
    else this.offsetMs += ms;
  }
}

/** One clock for the whole application (import once, in the root module). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
