import type { AuditStore } from '../audit/store.js';

/**
 * Appends of one server, one after the other. Stores already serialize appends between
 * processes (a lock file, an advisory lock), but concurrent requests in one process would
 * each wait on that lock in turn, polling; queuing them here first costs nothing and keeps
 * the lock for the other processes and replicas.
 */
export function queueAppends(store: AuditStore): AuditStore {
  let last: Promise<unknown> = Promise.resolve();
  return {
    get description() {
      return store.description;
    },
    append(build) {
      const appended = last.then(
        () => store.append(build),
        () => store.append(build),
      );
      last = appended.catch(() => undefined);
      return appended;
    },
    readAll: () => store.readAll(),
    readEntries: () => store.readEntries(),
    close: () => store.close(),
  };
}
