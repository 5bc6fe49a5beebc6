/**
 * Import jobs for the HTTP edge: an import runs in the background of this process, one at a time
 * (later ones wait their turn), with progress a client can poll and cancellation that rolls the
 * whole transaction back. Jobs live in memory: a restart forgets them (an interrupted import has
 * written nothing, being one transaction).
 */
import { DomainError, isDomainError, notFound, type Actor } from '../../domain/index.js';
import { authorize } from '../authz.js';
import type { AppContext } from '../context.js';
import { runImport } from './run-import.js';
import type { ImportOptions, ImportProgress, ImportReport } from './types.js';

/** Where a job is. */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A job as a client sees it. */
export interface ImportJob {
  readonly id: string;
  readonly state: JobState;
  readonly progress: ImportProgress;
  readonly report: ImportReport | null;
  readonly error: { code: string; message: string; issues: unknown[] } | null;
  readonly createdAt: string;
}

interface Entry {
  job: ImportJob;
  readonly owner: string;
  readonly abort: AbortController;
}

/** Finished jobs kept for polling at most. */
const KEEP = 200;

/** The job table of one process. */
export class ImportJobs {
  private readonly jobs = new Map<string, Entry>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: AppContext) {}

  /**
   * Queues an import of the file at `path`; `cleanup` runs when the job ends, whatever happens
   * (the HTTP edge removes its temporary file there). Returns the job id at once.
   */
  start(actor: Actor, path: string, options: ImportOptions, cleanup: () => void = () => {}): string {
    authorize(actor, 'import.run');
    const id = this.ctx.ids.next();
    const entry: Entry = {
      owner: actor.userId,
      abort: new AbortController(),
      job: {
        id,
        state: 'queued',
        progress: { rows: 0, bytesRead: 0, totalBytes: 0 },
        report: null,
        error: null,
        createdAt: this.ctx.clock.now().toISOString(),
      },
    };
    this.jobs.set(id, entry);
    this.prune();
    this.tail = this.tail.then(() => this.run(entry, actor, path, options).finally(cleanup));
    return id;
  }

  private async run(entry: Entry, actor: Actor, path: string, options: ImportOptions): Promise<void> {
    if (entry.abort.signal.aborted) return;
    entry.job = { ...entry.job, state: 'running' };
    try {
      const report = await runImport(this.ctx, actor, path, options, {
        signal: entry.abort.signal,
        onProgress: (progress) => void (entry.job = { ...entry.job, progress }),
      });
      entry.job = { ...entry.job, state: 'done', report };
    } catch (e) {
      const cancelled = isDomainError(e, 'CANCELLED');
      const err = isDomainError(e)
        ? { code: e.code, message: e.message, issues: e.issues.slice(0, 100) }
        : { code: 'INTERNAL', message: 'the import failed; nothing was written', issues: [] };
      if (!isDomainError(e)) this.ctx.logger.error({ err: (e as Error)?.name }, 'import job failed');
      entry.job = { ...entry.job, state: cancelled ? 'cancelled' : 'failed', error: err };
    }
  }

  /** A job's state; only its owner (or an administrator) may see it. */
  get(actor: Actor, id: string): ImportJob {
    return this.own(actor, id).job;
  }

  /** Cancels a queued or running job: its transaction rolls back and nothing is left behind. */
  cancel(actor: Actor, id: string): ImportJob {
    const entry = this.own(actor, id);
    if (entry.job.state === 'queued' || entry.job.state === 'running') {
      entry.abort.abort();
      if (entry.job.state === 'queued')
        entry.job = {
          ...entry.job,
          state: 'cancelled',
          error: { code: 'CANCELLED', message: 'cancelled before it started', issues: [] },
        };
    } else throw new DomainError('STATE_INVALID', `import job ${id} has already ended (${entry.job.state})`);
    return entry.job;
  }

  /** Resolves when every queued job has ended (for tests and shutdown). */
  async idle(): Promise<void> {
    await this.tail;
  }

  private own(actor: Actor, id: string): Entry {
    authorize(actor, 'import.run');
    const entry = this.jobs.get(id);
    if (!entry || (entry.owner !== actor.userId && actor.role !== 'admin')) throw notFound('import job', id);
    return entry;
  }

  private prune(): void {
    if (this.jobs.size <= KEEP) return;
    for (const [id, e] of this.jobs) {
      if (this.jobs.size <= KEEP) break;
      if (e.job.state !== 'queued' && e.job.state !== 'running') this.jobs.delete(id);
    }
  }
}
