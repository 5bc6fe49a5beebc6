/** What every command receives: output streams and the global options. No module-level state. */
import type { Writable } from 'node:stream';

export interface CliContext {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly interactive: boolean;
  /** The value of the global --db option, if given. */
  db(): string | undefined;
}
