import { Global, Injectable, Module } from '@nestjs/common';

/**
 * "Now" for business rules (deadlines, notice periods, closing calls). Everything judged against a deadline asks this
 * clock instead of `new Date()`, so tests can stand at an exact instant (`set`) or move forward (`advance`) while the
 * server runs normally. Production never calls the setters: it reads the machine's clock.
 */
@Injectable()
export class Clock {
  private fixed?: number;
  private offsetMs = 0;

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offsetMs);
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
