import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildDecisionRecord, canonicalJson, sealRecord } from '../../src/audit/record.js';
import type { AuditStore } from '../../src/audit/store.js';
import { withFileLock } from '../../src/audit/stores/file-lock.js';
import { createFileStore } from '../../src/audit/stores/file-store.js';
import { openAuditStore } from '../../src/audit/stores/open.js';
import { verifyEntries, type StoredEntry } from '../../src/audit/verify.js';
import { makeRepo } from '../helpers.js';
import { context, decisionEntry } from './records.js';

const append = (store: AuditStore, model = 'm') => store.append((head) => buildDecisionRecord(decisionEntry(model), head, context()));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A store's entries, flattened from its batches, as plain text and place. */
async function collectEntries(store: AuditStore): Promise<StoredEntry[]> {
  const entries: StoredEntry[] = [];
  for await (const batch of store.readEntries()) {
    for (const { text, where, incomplete } of batch) entries.push({ text, where, ...(incomplete && { incomplete }) });
  }
  return entries;
}

/** A path in a fresh folder, whose `audit/` subfolder does not exist yet. */
function tempFile(): string {
  return path.join(makeRepo({}), 'audit', 'records.jsonl');
}

function lockedFile(owner: object | string): string {
  const file = path.join(makeRepo({}), 'records.jsonl');
  writeFileSync(`${file}.lock`, typeof owner === 'string' ? owner : JSON.stringify(owner));
  return file;
}

describe('file store', () => {
  it('appends canonical JSON lines, one per record, linked from seq 0', async () => {
    const file = tempFile();
    const store = createFileStore(file, { shownPath: 'audit/records.jsonl' });
    const first = await append(store, 'a');
    const second = await append(store, 'b');
    expect([first.seq, second.seq, second.prev]).toEqual([0, 1, first.hash]);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1]!)).toEqual(second);
    expect(await collect(store.readAll())).toEqual([first, second]);
    expect(await collectEntries(store)).toEqual([
      { text: lines[0], where: 'audit/records.jsonl:1' },
      { text: lines[1], where: 'audit/records.jsonl:2' },
    ]);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps 50 concurrent writers in one chain: exactly 50 records, none lost, no fork', async () => {
    const file = lockedFile({ pid: spawnSync(process.execPath, ['-e', '']).pid, host: hostname(), token: 'dead', since: '2026-01-01T00:00:00Z' });
    // Separate store objects contend through the lock file, as separate processes do, and all find the dead writer's lock at once.
    const records = await Promise.all(Array.from({ length: 50 }, (_, index) => append(createFileStore(file), `model-${index}`)));
    expect(new Set(records.map((record) => record.seq)).size).toBe(50);
    const verification = await verifyEntries(createFileStore(file).readEntries());
    expect(verification).toMatchObject({ ok: true, checked: 50, head: { seq: 49 } });
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(50);
  });

  it('writes appends made at once on one store in call order, and a builder that fails loses only its own record', async () => {
    const file = tempFile();
    const store = createFileStore(file);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, index) =>
        index === 7
          ? store.append(() => {
              throw new Error('the builder failed');
            })
          : append(store, `model-${index}`),
      ),
    );
    expect(outcomes[7]).toEqual({ status: 'rejected', reason: new Error('the builder failed') });
    const records = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 29 }, (_, index) => index));
    expect(records.map((record) => record.subject?.model)).toEqual(Array.from({ length: 30 }, (_, index) => `model-${index}`).filter((_, index) => index !== 7));
    expect(await verifyEntries(store.readEntries())).toMatchObject({ ok: true, checked: 29, head: { seq: 28 } });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('links to a record another writer appended after its own last one', async () => {
    const file = tempFile();
    const [one, other] = [createFileStore(file), createFileStore(file)];
    await append(one, 'a');
    const between = await append(other, 'b');
    const last = await append(one, 'c');
    expect([last.seq, last.prev]).toEqual([2, between.hash]);
    expect(await verifyEntries(one.readEntries())).toMatchObject({ ok: true, checked: 3 });
  });

  it('refuses to append after a torn last line, naming the file and line, and never links to it', async () => {
    const file = tempFile();
    const store = createFileStore(file, { shownPath: 'records.jsonl' });
    await append(store);
    await append(store);
    const before = readFileSync(file, 'utf8');
    appendFileSync(file, before.split('\n')[1]!.slice(0, 40));
    await expect(append(store)).rejects.toThrow(/^records\.jsonl:3: the last line is incomplete \(no newline at its end\)/);
    expect(readFileSync(file, 'utf8')).toBe(before + before.split('\n')[1]!.slice(0, 40));
    const verification = await verifyEntries(store.readEntries());
    expect(verification.broken).toEqual({ position: 2, where: 'records.jsonl:3', reason: expect.stringMatching(/no newline at its end/) });
  });

  it('refuses to link to a last record that is damaged', async () => {
    const file = tempFile();
    const store = createFileStore(file, { shownPath: 'records.jsonl' });
    await append(store);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"verdict":"pass"', '"verdict":"fail"'));
    await expect(append(store)).rejects.toThrow(/^records\.jsonl:1: the last record cannot be linked to: the hash does not match/);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"not": "a record"}\n`);
    await expect(append(store)).rejects.toThrow(/^records\.jsonl:2: the last record cannot be linked to: not a valid record/);
  });

  it('reads a long last line backwards across chunks', async () => {
    const file = tempFile();
    const store = createFileStore(file);
    const long = decisionEntry('m');
    long.model.results = Array.from({ length: 2000 }, (_, index) => ({ rule: `rule-${index}`, status: 'pass', severity: 'error', message: 'x'.repeat(100), controls: [] }));
    const first = await store.append((head) => buildDecisionRecord(long, head, context()));
    expect(readFileSync(file).length).toBeGreaterThan(200_000);
    const second = await append(store);
    expect(second.prev).toBe(first.hash);
  });

  it('reports a missing file when reading, and creates it (with its folder) when appending', async () => {
    const file = tempFile();
    const store = createFileStore(file, { shownPath: 'audit/records.jsonl' });
    await expect(collectEntries(store)).rejects.toThrow('audit file not found: audit/records.jsonl');
    await append(store);
    expect(existsSync(file)).toBe(true);
  });

  it('waits for a writer in the middle of its write before judging the last line', async () => {
    const file = tempFile();
    const store = createFileStore(file);
    const first = await append(store);
    const head = { seq: first.seq, hash: first.hash };
    const line = `${canonicalJson(sealRecord(buildDecisionRecord(decisionEntry('m'), head, context()), head))}\n`;
    let reading: Promise<StoredEntry[]> | undefined;
    // A writer holds the lock and has written part of its line when the reader comes.
    await withFileLock(`${file}.lock`, 'lock', async () => {
      appendFileSync(file, line.slice(0, 30));
      reading = collectEntries(store);
      // Gives the reader time to reach the lock; the outcome does not depend on it.
      await sleep(200);
      appendFileSync(file, line.slice(30));
    });
    const entries = await reading!;
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual({ text: line.trimEnd(), where: expect.stringMatching(/:2$/) });
  });
});

describe('file lock', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
  const owner = (pid: number) => ({ pid, host: hostname(), token: 't', since: '2026-01-01T00:00:00Z' });
  const old = (file: string) => {
    const then = new Date(Date.now() - 11 * 60_000);
    utimesSync(`${file}.lock`, then, then);
  };

  it('breaks a lock left by a process that died', async () => {
    const file = lockedFile(owner(deadPid()));
    expect((await append(createFileStore(file))).seq).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits for a live holder, and times out naming it and leaving its lock', async () => {
    // The test runner's parent process is alive for the whole test.
    const file = lockedFile(owner(process.ppid));
    const store = createFileStore(file, { shownPath: 'records.jsonl', lock: { timeoutMs: 100 } });
    await expect(append(store)).rejects.toThrow(
      `timed out after 0.1 s waiting for the lock records.jsonl.lock, held by pid ${process.ppid} on ${hostname()} since 2026-01-01T00:00:00Z; if no modelgate process is writing, remove the lock file`,
    );
    expect(existsSync(`${file}.lock`)).toBe(true);
    expect(existsSync(file)).toBe(false);
    // Held for longer than any append takes, the pid must have been reused: the lock is stale.
    old(file);
    expect((await append(store)).seq).toBe(0);
  });

  it('breaks an empty or foreign lock file only once it is old', async () => {
    for (const content of ['', '{"pid": 1, "host": "another-host", "token": "t", "since": "2026-01-01T00:00:00Z"}']) {
      const file = lockedFile(content);
      const impatient = createFileStore(file, { shownPath: 'records.jsonl', lock: { timeoutMs: 100 } });
      await expect(append(impatient)).rejects.toThrow(/timed out after 0\.1 s waiting for the lock records\.jsonl\.lock, held by/);
      old(file);
      expect((await append(impatient)).seq).toBe(0);
    }
  });

  it('takes a lock with its own pid but a token it does not hold for a leftover of an earlier process', async () => {
    const file = lockedFile({ ...owner(process.pid), token: 'from-before-a-restart' });
    expect((await append(createFileStore(file, { lock: { timeoutMs: 1000 } }))).seq).toBe(0);
  });
});

describe('openAuditStore', () => {
  it('opens file: paths relative to the working directory and file:// URLs', async () => {
    const root = makeRepo({});
    const relative = await openAuditStore('file:trail/a.jsonl', { cwd: root });
    expect(relative.description).toBe('file:trail/a.jsonl');
    await append(relative);
    expect(existsSync(path.join(root, 'trail/a.jsonl'))).toBe(true);
    const url = await openAuditStore(`file://${path.join(root, 'b.jsonl')}`, { cwd: '/' });
    await append(url);
    expect(existsSync(path.join(root, 'b.jsonl'))).toBe(true);
  });

  it('refuses other schemes with a usage error listing the supported ones', async () => {
    await expect(openAuditStore('s3://bucket/audit', { cwd: '.' })).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringMatching(/^--audit s3:\/\/bucket\/audit: unsupported audit store; use file:PATH .* or postgres:\/\//),
    });
    await expect(openAuditStore('github:modelgate', { cwd: '.' })).rejects.toThrow(/"modelgate" is not OWNER\/REPO/);
    await expect(openAuditStore('mysql://user:hunter2@db/x', { cwd: '.' })).rejects.toThrow('--audit mysql://user:***@db/x');
    await expect(openAuditStore('file:', { cwd: '.' })).rejects.toThrow(/needs a path/);
  });
});
