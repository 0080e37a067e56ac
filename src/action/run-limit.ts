import { DEFAULT_MAX_RUN_SECONDS, RunTimeLimitExceeded } from '../document/limits.js';

/**
 * The Action's run-time limit: a signal that aborts every GitHub request once the run has
 * lasted `limits.max_run_seconds`, and checkpoints between the steps that do not wait on the
 * network. The limit counts from the start of the run; the default applies until the trusted
 * config is read, and then the config's value does (from the same start).
 */
export class RunClock {
  private readonly controller = new AbortController();
  private readonly startedAt = performance.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seconds = DEFAULT_MAX_RUN_SECONDS;

  constructor() {
    this.arm(this.seconds);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Applies a limit of `seconds` for the whole run, counted from its start. */
  arm(seconds: number): void {
    this.seconds = seconds;
    clearTimeout(this.timer);
    const remaining = seconds * 1000 - (performance.now() - this.startedAt);
    if (remaining <= 0) this.expire();
    else {
      this.timer = setTimeout(() => this.expire(), remaining);
      // The limit never keeps a finished run alive.
      this.timer.unref?.();
    }
  }

  /** Throws RunTimeLimitExceeded when the run is past its limit: nothing is recorded or published after it. */
  check(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason as RunTimeLimitExceeded;
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private expire(): void {
    if (!this.controller.signal.aborted) this.controller.abort(new RunTimeLimitExceeded(this.seconds));
  }
}
