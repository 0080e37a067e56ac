import { setTimeout as sleep } from 'node:timers/promises';
import { describeRequestError, isPermissionDenied, isRequestError, type GitHubClient } from '../../github/client.js';
import type { Repository } from '../../github/event.js';
import { canonicalJson, sealRecord, type AuditHead, type AuditRecord } from '../record.js';
import { AuditStoreError, parseEntries, type AuditStore } from '../store.js';
import { checkRecord, type StoredEntry } from '../verify.js';
import type { RetryOptions } from './postgres-store.js';

/**
 * Records on a dedicated branch of a GitHub repository, written through the Git Data API.
 * One file per record (its canonical JSON), sharded by seq so that no tree grows beyond a
 * thousand entries: records/<seq/10^6>/<seq/10^3>/<seq>.json. Each commit adds one record and
 * names the chain head in its message, so an append reads the head, writes one tree and one
 * commit and moves the branch with a compare-and-swap (a fast-forward-only ref update): six
 * API calls however long the chain is. A writer that loses the race reads the new head,
 * rebuilds its record on it and tries again.
 */
export interface GitHubStoreTarget {
  repository: Repository;
  branch: string;
}

export interface GitHubStoreOptions {
  /** Tries of one append while other writers keep moving the branch first. */
  retry?: RetryOptions;
  /** Record files fetched at once while reading the chain. */
  readConcurrency?: number;
}

const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 25, baseDelayMs: 200, maxDelayMs: 5_000 };
const RECORDS_FOLDER = 'records';
/** A file name holds 12 digits: enough for 10^12 records, and names sort in chain order. */
const MAX_SEQ = 1e12 - 1;
const SEQ_TRAILER = 'Modelgate-Audit-Seq';
const HASH_TRAILER = 'Modelgate-Audit-Hash';

/** Where the record with this seq is kept on the branch. */
export function recordPath(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new AuditStoreError(`seq ${seq} has no place on an audit branch (0 to ${MAX_SEQ})`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${RECORDS_FOLDER}/${pad(Math.floor(seq / 1e6), 6)}/${pad(Math.floor(seq / 1e3), 9)}/${pad(seq, 12)}.json`;
}

/** The commit message of the commit adding `record`: a readable subject and the chain head as trailers. */
export function commitMessage(record: AuditRecord): string {
  const about = [record.kind, record.subject?.model, record.subject?.version, record.verdict].filter((part): part is string => typeof part === 'string' && part !== '');
  // Model names come from repository files: one line, no control characters, so they cannot forge a trailer.
  const subject = `audit record ${record.seq}: ${about.join(' ')}`.replace(/\p{Cc}+/gu, ' ').slice(0, 200);
  return `${subject}\n\n${SEQ_TRAILER}: ${record.seq}\n${HASH_TRAILER}: ${record.hash}\n`;
}

/** The chain head a commit message names, or undefined when modelgate did not write the commit. */
export function parseCommitHead(message: string): AuditHead | undefined {
  const match = new RegExp(`\\n\\n${SEQ_TRAILER}: (\\d{1,13})\\n${HASH_TRAILER}: ([0-9a-f]{64})\\n?$`).exec(message);
  if (!match) return undefined;
  return { seq: Number(match[1]), hash: match[2]! };
}

const BRANCH_README = `# Audit trail

This branch holds modelgate's audit records: one file per record under \`records/\`, each the
record's canonical JSON (RFC 8785), chained by hash. modelgate only ever adds files here.
Do not edit, delete or force-push: \`modelgate audit verify\` detects any change.
`;

interface BranchHead {
  commit: string;
  tree: string;
  /** The chain head named by the commit message; undefined when modelgate did not write the commit. */
  chain: AuditHead | undefined;
}

interface TreeEntry {
  path: string;
  type: string;
  sha: string;
}

export function createGitHubStore(client: GitHubClient, target: GitHubStoreTarget, options: GitHubStoreOptions = {}): AuditStore {
  const { owner, repo } = target.repository;
  const { branch } = target;
  const shown = `github:${owner}/${repo}#${branch}`;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const readConcurrency = Math.max(1, options.readConcurrency ?? 8);

  const fail = (error: unknown, doing: string, outcome = ''): AuditStoreError => {
    if (error instanceof AuditStoreError) return error;
    return new AuditStoreError(`${shown}: cannot ${doing}: ${explain(error)}${outcome}`);
  };
  const call = async <T>(doing: string, request: () => Promise<{ data: T }>, outcome = ''): Promise<T> => {
    try {
      return (await request()).data;
    } catch (error) {
      throw fail(error, doing, outcome);
    }
  };

  /** The branch's commit, tree and chain head; undefined when the branch does not exist. */
  const readBranchHead = async (): Promise<BranchHead | undefined> => {
    let commitSha: string;
    try {
      const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      if (data.object.type !== 'commit') throw new AuditStoreError(`${shown}: the branch points at a ${data.object.type}, not a commit`);
      commitSha = data.object.sha;
    } catch (error) {
      if (isRequestError(error) && error.status === 404) return undefined;
      throw fail(error, 'read the branch');
    }
    const commit = await call('read the branch head commit', () => client.rest.git.getCommit({ owner, repo, commit_sha: commitSha }));
    return { commit: commitSha, tree: commit.tree.sha, chain: parseCommitHead(commit.message) };
  };

  /** A file's exact text at a commit; undefined when there is no such file. */
  const readFileAt = async (commit: string, path: string): Promise<string | undefined> => {
    let data: Awaited<ReturnType<typeof client.rest.repos.getContent>>['data'];
    try {
      data = (await client.rest.repos.getContent({ owner, repo, path, ref: commit })).data;
    } catch (error) {
      if (isRequestError(error) && error.status === 404) return undefined;
      throw fail(error, `read ${path}`);
    }
    if (Array.isArray(data) || data.type !== 'file') throw new AuditStoreError(`${shown}: ${path} is not a file`);
    // Files over 1 MB come without their content (encoding "none"): read them as blobs.
    if (data.encoding === 'base64') return Buffer.from(data.content, 'base64').toString('utf8');
    return readBlob(data.sha, path);
  };

  const readBlob = async (sha: string, path: string): Promise<string> => {
    const blob = await call(`read ${path}`, () => client.rest.git.getBlob({ owner, repo, file_sha: sha }));
    if (blob.encoding !== 'base64') throw new AuditStoreError(`${shown}: ${path}: unexpected blob encoding "${blob.encoding}"`);
    return Buffer.from(blob.content, 'base64').toString('utf8');
  };

  /**
   * The head record, checked before anything links to it: it must be where the head commit
   * says, valid, and the record the commit names. Damage is reported, never built upon.
   */
  const checkedChainHead = async (head: BranchHead): Promise<AuditHead> => {
    if (!head.chain) {
      throw new AuditStoreError(
        `${shown}: the branch head commit ${head.commit.slice(0, 12)} was not written by modelgate (its message names no chain head): ` +
          `the branch must hold only audit records. Nothing was appended; run \`modelgate audit verify --audit ${shown}\`, or use another branch (github:OWNER/REPO#BRANCH)`,
      );
    }
    const path = recordPath(head.chain.seq);
    const where = `${branch}:${path}`;
    const text = await readFileAt(head.commit, path);
    const refuse = (why: string) => new AuditStoreError(`${where}: the last record cannot be linked to: ${why}. Nothing was appended; run \`modelgate audit verify --audit ${shown}\``);
    if (text === undefined) throw refuse(`the head commit names seq ${head.chain.seq}, but the file is missing`);
    const checked = checkRecord({ text, where });
    if ('reason' in checked) throw refuse(checked.reason);
    if (checked.record.seq !== head.chain.seq || checked.record.hash !== head.chain.hash) {
      throw refuse(`it is seq ${checked.record.seq} with hash ${checked.record.hash}, but the head commit names seq ${head.chain.seq} with hash ${head.chain.hash}`);
    }
    return head.chain;
  };

  /** Whether `record` is on the branch at `head`: an attempt whose answer was lost may have landed. */
  const hasLanded = async (record: AuditRecord, head: BranchHead): Promise<boolean> => {
    if (!head.chain || head.chain.seq < record.seq) return false;
    if (head.chain.seq === record.seq) return head.chain.hash === record.hash;
    return (await readFileAt(head.commit, recordPath(record.seq))) === canonicalJson(record);
  };

  /**
   * After a ref update that failed: the record, if it landed after all (a lost answer);
   * otherwise the failure, saying whether anything was stored.
   */
  const confirm = async (record: AuditRecord, failure: (outcome: string) => AuditStoreError): Promise<AuditRecord> => {
    let landed: boolean;
    try {
      const head = await readBranchHead();
      landed = head !== undefined && (await hasLanded(record, head));
    } catch {
      throw failure(' (the record may or may not have been stored: run `modelgate audit log` to see)');
    }
    if (landed) return record;
    throw failure('; nothing was appended');
  };

  const readEntries = async function* (): AsyncGenerator<StoredEntry[]> {
    const head = await readBranchHead();
    if (!head) throw new AuditStoreError(`${shown}: the branch ${branch} does not exist (nothing was recorded yet, the name is wrong, or the token cannot see the repository)`, { trailMissing: true });
    const root = await listTree(head.tree, '');
    const records = root.find((entry) => entry.path === RECORDS_FOLDER);
    if (!records) return;
    if (records.type !== 'tree') throw new AuditStoreError(`${shown}: ${RECORDS_FOLDER} is not a folder`);

    // Files in path order (names are zero-padded, so that is chain order), fetched a few at a time ahead of the reader.
    const files = walkFiles(records.sha, RECORDS_FOLDER);
    const ahead: Promise<StoredEntry>[] = [];
    let listed = false;
    try {
      for (;;) {
        while (!listed && ahead.length < readConcurrency) {
          const next = await files.next();
          if (next.done) {
            listed = true;
            break;
          }
          const { path, sha } = next.value;
          const entry = readBlob(sha, path).then((text): StoredEntry => ({ text, where: `${branch}:${path}` }));
          // Handled here so a reader that stops early leaves no unhandled rejection; awaited below.
          entry.catch(() => undefined);
          ahead.push(entry);
        }
        const entry = ahead.shift();
        if (!entry) return;
        yield [await entry];
      }
    } finally {
      await files.return(undefined);
    }
  };

  const listTree = async (sha: string, path: string): Promise<TreeEntry[]> => {
    const tree = await call(`list ${path || 'the branch'}`, () => client.rest.git.getTree({ owner, repo, tree_sha: sha }));
    // Shards hold at most a thousand entries; a truncated listing would hide records, so it is refused.
    if (tree.truncated) throw new AuditStoreError(`${shown}: the listing of ${path || 'the branch'} was truncated by GitHub: the branch does not have the audit layout`);
    return tree.tree.map((entry) => ({ path: entry.path, type: entry.type, sha: entry.sha }));
  };

  const walkFiles = async function* (sha: string, path: string): AsyncGenerator<{ path: string; sha: string }> {
    const entries = (await listTree(sha, path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const entry of entries) {
      const child = `${path}/${entry.path}`;
      if (entry.type === 'tree') yield* walkFiles(entry.sha, child);
      else if (entry.type === 'blob') yield { path: child, sha: entry.sha };
      else throw new AuditStoreError(`${shown}: ${child} is a ${entry.type}, not a record file`);
    }
  };

  return {
    description: shown,

    async append(build) {
      // The record of the last attempt whose ref update failed: its answer may have been lost after it landed.
      let attempted: AuditRecord | undefined;
      for (let attempt = 1; ; attempt += 1) {
        const head = await readBranchHead();
        if (attempted && head && (await hasLanded(attempted, head))) return attempted;
        const chainHead = head ? await checkedChainHead(head) : undefined;
        const record = sealRecord(build(chainHead), chainHead);
        const files = [{ path: recordPath(record.seq), mode: '100644' as const, type: 'blob' as const, content: canonicalJson(record) }];
        if (!head) files.push({ path: 'README.md', mode: '100644', type: 'blob', content: BRANCH_README });
        const tree = await call('write the record', () => client.rest.git.createTree({ owner, repo, tree: files, ...(head && { base_tree: head.tree }) }), '; nothing was appended');
        const commit = await call(
          'write the record',
          () => client.rest.git.createCommit({ owner, repo, message: commitMessage(record), tree: tree.sha, parents: head ? [head.commit] : [] }),
          '; nothing was appended',
        );
        attempted = record;
        try {
          // Compare-and-swap: the update succeeds only if the branch still points at the parent (or a commit before it).
          if (head) await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
          else await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
          return record;
        } catch (error) {
          if (!isRefConflict(error)) return confirm(record, (outcome) => fail(error, head ? 'move the branch to the new record' : 'create the branch', outcome));
          if (attempt >= retry.attempts) {
            const reason = `other writers moved the branch first ${attempt} times in a row (last answer: ${describeRequestError(error)})`;
            return confirm(record, (outcome) => new AuditStoreError(`${shown}: cannot append a record: ${reason}${outcome}`));
          }
        }
        // Full jitter: writers that lost together do not come back together.
        await sleep(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    },

    readEntries,

    readAll() {
      return parseEntries(readEntries());
    },

    async close() {
      // Nothing is kept open between calls.
    },
  };
}

/** GitHub's answers when a compare-and-swap lost: another writer moved or created the branch first. */
function isRefConflict(error: unknown): boolean {
  return isRequestError(error) && error.status === 422 && /not a fast forward|Reference update failed|Reference already exists/i.test(error.message);
}

/** A failed request in words, with what to do about the common causes. Never the token. */
function explain(error: unknown): string {
  const described = describeRequestError(error);
  if (!isRequestError(error)) return described;
  if (error.status === 401) return `${described}: the token was refused`;
  if (error.status === 404) return `${described}: the repository does not exist or the token cannot see it`;
  if (error.status === 409) return `${described}: the repository is empty or unavailable; the Git Data API cannot write to a repository without commits, so push a first commit`;
  if (isPermissionDenied(error)) return `${described}: the token may not do this; appending needs the contents: write permission, reading needs contents: read`;
  return described;
}
