import { updateJson, type UpdateOptions } from '../../core/store/json.js';
import type { Store } from '../../core/store/store.js';

/** One change to a JSON object: gets the current value, returns the next value and its own result. */
export type BatchOp<T, R> = (current: T | undefined) => { value: T; result: R };

/** Thrown inside a batch's update when there is nothing to write, so the store is not written. */
const NOTHING = Symbol('nothing to write');

interface Pending<T> {
  readonly op: BatchOp<T, unknown>;
  readonly initial?: () => T;
  readonly resolve: (outcome: { result: unknown; value: T; etag: string }) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for read-modify-write: changes to the same key that arrive while a write is under
 * way are applied together in the next conditional write, each keeping its own result or error.
 * Across processes (Lambda containers) the write is still `If-Match` with retry, so nothing is
 * lost; within one process, many concurrent requests cost one write instead of one each.
 */
export class BatchedUpdater {
  private readonly queues = new Map<string, Pending<unknown>[]>();
  private readonly running = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly options: UpdateOptions = {},
  ) {}

  /** Apply `op` to the object at `key` (`initial()` when absent); resolves with the op's result, the value written and its ETag. */
  update<T, R>(key: string, op: BatchOp<T, R>, initial?: () => T): Promise<{ result: R; value: T; etag: string }> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      queue.push({ op, initial, resolve, reject } as unknown as Pending<unknown>);
      this.queues.set(key, queue);
      if (!this.running.has(key)) void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    this.running.add(key);
    try {
      for (;;) {
        const batch = this.queues.get(key) ?? [];
        if (batch.length === 0) break;
        this.queues.set(key, []);
        let outcomes: ({ ok: true; result: unknown } | { ok: false; error: unknown })[] = [];
        try {
          const { value, etag } = await updateJson<unknown>(
            this.store,
            key,
            (current) => {
              outcomes = [];
              let value = current ?? batch.find((p) => p.initial)?.initial?.();
              for (const p of batch) {
                try {
                  const next = p.op(value);
                  value = next.value;
                  outcomes.push({ ok: true, result: next.result });
                } catch (error) {
                  outcomes.push({ ok: false, error });
                }
              }
              // nothing to write (no object and no op made one): every op failed, answered below
              if (value === undefined) throw NOTHING;
              return value;
            },
            this.options,
          );
          batch.forEach((p, i) => {
            const o = outcomes[i]!;
            if (o.ok) p.resolve({ result: o.result, value, etag });
            else p.reject(o.error);
          });
        } catch (error) {
          if (error === NOTHING)
            batch.forEach((p, i) => {
              const o = outcomes[i];
              p.reject(o && !o.ok ? o.error : new Error('no value to write'));
            });
          else for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.running.delete(key);
    }
  }
}

/**
 * Single flight with one rerun: while a task runs, callers share one follow-up run that starts
 * after it, so a burst of N requests costs at most two runs and every caller sees a run that
 * began after its call.
 */
export class Coalescer {
  private current?: Promise<void>;
  private next?: Promise<void>;

  /** Run `task`, or join the follow-up run when one is already under way. */
  run(task: () => Promise<void>): Promise<void> {
    if (!this.current) {
      this.current = task().finally(() => {
        this.current = undefined;
      });
      return this.current;
    }
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.run(task);
      });
    return this.next;
  }
}
