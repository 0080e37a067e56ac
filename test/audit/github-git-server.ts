import { createHash } from 'node:crypto';
import type { FakeGitHub, RecordedRequest, Reply } from '../github/fake-github.js';

/**
 * A repository's Git database behind the loopback GitHub server: the Git Data endpoints the
 * `github:` audit store calls (refs, commits, trees, blobs) and the contents API, with GitHub's
 * response shapes and semantics. Objects are hashed as git hashes them, so equal content has
 * equal SHAs; a ref update without `force` must be a fast-forward, creating an existing ref
 * fails, and every Git Data endpoint of an empty repository answers 409.
 *
 * The helpers at the end change the branch the way a person with push access could (edit,
 * delete, force-push), for the tampering tests.
 */

type Mode = '100644' | '100755' | '040000' | '120000' | '160000';

interface TreeItem {
  name: string;
  mode: Mode;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: TreeItem[] }
  | { type: 'commit'; tree: string; parents: string[]; message: string; author: Signature; committer: Signature };

interface Signature {
  name: string;
  email: string;
  date: string;
}

export interface GitRepository {
  owner: string;
  repo: string;
  /** Full ref names (`refs/heads/…`) to commit SHAs. */
  refs: Map<string, string>;
  /** When true, every Git Data endpoint answers 409 "Git Repository is empty." */
  empty: boolean;
  /** Trees whose listing GitHub would truncate. */
  truncatedTrees: Set<string>;
  /** Ref creations and updates that are applied but whose answer is lost (502), as when a connection drops. */
  lostRefAnswers: number;
  /** Runs before a ref creation is handled: another writer may act there, between a writer's read and its write. */
  beforeCreateRef: (() => void) | undefined;
  /** The files of a branch, by path, as text. */
  files(branch: string): Map<string, string>;
  /** The commits of a branch, newest first, following first parents. */
  history(branch: string): { sha: string; message: string; parents: string[] }[];
  /** Writes a commit on top of the branch with `change` applied to its files, as a push would; returns its SHA. */
  commit(branch: string, change: (files: Map<string, string>) => void, message?: string): string;
  /** Points the branch at a commit, as a force-push would. */
  reset(branch: string, sha: string): void;
  treeOf(commit: string): string;
}

const BOT: Omit<Signature, 'date'> = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
const DOCS = 'https://docs.github.com/rest/git';

function error(status: number, message: string, documentation: string): Reply {
  return { status, body: { message, documentation_url: documentation, status: String(status) } };
}

export function serveGitRepository(github: FakeGitHub, options: { owner: string; repo: string; empty?: boolean }): GitRepository {
  const { owner, repo } = options;
  const objects = new Map<string, GitObject>();
  const api = `https://api.github.com/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;
  let clock = Date.parse('2026-03-01T12:00:00Z');

  const store = (object: GitObject): string => {
    const sha = createHash('sha1').update(serialize(object)).digest('hex');
    objects.set(sha, object);
    return sha;
  };
  const get = <T extends GitObject['type']>(sha: string, type: T) => {
    const object = objects.get(sha);
    return object?.type === type ? (object as Extract<GitObject, { type: T }>) : undefined;
  };

  // --- trees as nested maps, for base_tree edits ---
  type Node = Map<string, { item?: TreeItem; node?: Node }>;
  const load = (sha: string | undefined): Node => {
    const node: Node = new Map();
    if (sha) for (const item of get(sha, 'tree')!.entries) node.set(item.name, { item });
    return node;
  };
  const write = (node: Node): string => {
    const entries: TreeItem[] = [];
    for (const [name, child] of node) {
      if (child.node) {
        if (child.node.size === 0) continue;
        entries.push({ name, mode: '040000', type: 'tree', sha: write(child.node) });
      } else if (child.item) {
        entries.push({ ...child.item, name });
      }
    }
    return store({ type: 'tree', entries: sortTree(entries) });
  };
  /** Sets (or with `item` undefined, removes) a path; false when a removed path does not exist. */
  const setPath = (root: Node, path: string, item: TreeItem | undefined): boolean => {
    const parts = path.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.get(part);
      if (!child?.node) {
        if (child?.item && child.item.type !== 'tree') child = undefined;
        if (!child && !item) return false;
        child = { node: load(child?.item?.sha) };
        node.set(part, child);
      }
      node = child.node!;
    }
    const name = parts.at(-1)!;
    if (!item) return node.delete(name);
    node.set(name, { item: { ...item, name } });
    return true;
  };

  const listFiles = (tree: string, prefix: string, into: Map<string, string>) => {
    for (const item of get(tree, 'tree')!.entries) {
      const path = prefix ? `${prefix}/${item.name}` : item.name;
      if (item.type === 'tree') listFiles(item.sha, path, into);
      else into.set(path, get(item.sha, 'blob')!.content.toString('utf8'));
    }
    return into;
  };

  const isAncestor = (ancestor: string, of: string): boolean => {
    const seen = new Set<string>();
    const queue = [of];
    while (queue.length > 0) {
      const sha = queue.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(get(sha, 'commit')?.parents ?? []));
    }
    return false;
  };

  const makeCommit = (tree: string, parents: string[], message: string): string => {
    clock += 1000;
    const signature = { ...BOT, date: new Date(clock).toISOString().replace('.000Z', 'Z') };
    return store({ type: 'commit', tree, parents, message, author: signature, committer: signature });
  };

  // --- response bodies, in GitHub's shapes ---
  const refBody = (ref: string, sha: string) => ({
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
    url: `${api}/git/${ref}`,
    object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
  });
  const commitBody = (sha: string) => {
    const commit = get(sha, 'commit')!;
    return {
      sha,
      node_id: `C_${sha.slice(0, 20)}`,
      url: `${api}/git/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
      author: commit.author,
      committer: commit.committer,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      message: commit.message,
      parents: commit.parents.map((parent) => ({ sha: parent, url: `${api}/git/commits/${parent}`, html_url: `${html}/commit/${parent}` })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  };
  const treeBody = (sha: string) => ({
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: get(sha, 'tree')!.entries.map((item) => ({
      path: item.name,
      mode: item.mode,
      type: item.type,
      sha: item.sha,
      ...(item.type === 'blob' && { size: get(item.sha, 'blob')!.content.length }),
      url: `${api}/git/${item.type === 'tree' ? 'trees' : 'blobs'}/${item.sha}`,
    })),
    truncated: repository.truncatedTrees.has(sha),
  });
  /** Base64 with a line break every 60 characters, as GitHub sends file and blob content. */
  const base64 = (content: Buffer) => `${(content.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`;

  const loseAnswer = (): Reply | undefined => {
    if (repository.lostRefAnswers <= 0) return undefined;
    repository.lostRefAnswers -= 1;
    return { status: 502, body: { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' } };
  };

  const at = (suffix: string) => new RegExp(`^/repos/${owner}/${repo}${suffix}$`);
  const gitRoute = (method: string, suffix: string, handler: (request: RecordedRequest, match: RegExpExecArray) => Reply) =>
    github.route(method, at(suffix), (request, match) => (repository.empty ? error(409, 'Git Repository is empty.', DOCS) : handler(request, match)));

  gitRoute('GET', '/git/ref/(.+)', (_request, match) => {
    const ref = `refs/${match[1]}`;
    const sha = repository.refs.get(ref);
    return sha ? { body: refBody(ref, sha) } : error(404, 'Not Found', `${DOCS}/refs#get-a-reference`);
  });

  gitRoute('POST', '/git/refs', (request) => {
    repository.beforeCreateRef?.();
    const body = request.body as { ref?: unknown; sha?: unknown };
    const docs = `${DOCS}/refs#create-a-reference`;
    if (typeof body.ref !== 'string' || !/^refs\/[^/]+\/.+/.test(body.ref)) return error(422, `${String(body.ref)} is not a valid ref name.`, docs);
    if (typeof body.sha !== 'string' || !objects.has(body.sha)) return error(422, 'Object does not exist', docs);
    if (repository.refs.has(body.ref)) return error(422, 'Reference already exists', docs);
    repository.refs.set(body.ref, body.sha);
    return loseAnswer() ?? { status: 201, body: refBody(body.ref, body.sha) };
  });

  gitRoute('PATCH', '/git/refs/(.+)', (request, match) => {
    const ref = `refs/${match[1]}`;
    const body = request.body as { sha?: unknown; force?: unknown };
    const docs = `${DOCS}/refs#update-a-reference`;
    const current = repository.refs.get(ref);
    if (!current) return error(422, 'Reference does not exist', docs);
    if (typeof body.sha !== 'string' || !get(body.sha, 'commit')) return error(422, 'Object does not exist', docs);
    if (body.force !== true && !isAncestor(current, body.sha)) return error(422, 'Update is not a fast forward', docs);
    repository.refs.set(ref, body.sha);
    return loseAnswer() ?? { body: refBody(ref, body.sha) };
  });

  gitRoute('GET', '/git/commits/([0-9a-f]{40})', (_request, match) =>
    get(match[1]!, 'commit') ? { body: commitBody(match[1]!) } : error(404, 'Not Found', `${DOCS}/commits#get-a-commit-object`),
  );

  gitRoute('POST', '/git/commits', (request) => {
    const body = request.body as { message?: unknown; tree?: unknown; parents?: unknown };
    const docs = `${DOCS}/commits#create-a-commit`;
    if (typeof body.message !== 'string') return error(422, 'Invalid request.\n\n"message" wasn\'t supplied.', docs);
    if (typeof body.tree !== 'string' || !get(body.tree, 'tree')) return error(422, 'Tree SHA does not exist', docs);
    const parents = Array.isArray(body.parents) ? (body.parents as unknown[]) : [];
    if (parents.some((parent) => typeof parent !== 'string' || !get(parent, 'commit'))) return error(422, 'Parent SHA does not exist or is not a commit object', docs);
    return { status: 201, body: commitBody(makeCommit(body.tree, parents as string[], body.message)) };
  });

  gitRoute('GET', '/git/trees/([0-9a-f]{40})', (request, match) => {
    if (request.query.has('recursive')) throw new Error('the recursive tree listing is not served');
    return get(match[1]!, 'tree') ? { body: treeBody(match[1]!) } : error(404, 'Not Found', `${DOCS}/trees#get-a-tree`);
  });

  gitRoute('POST', '/git/trees', (request) => {
    const body = request.body as { base_tree?: unknown; tree?: unknown };
    const docs = `${DOCS}/trees#create-a-tree`;
    if (body.base_tree !== undefined && (typeof body.base_tree !== 'string' || !get(body.base_tree, 'tree'))) return error(422, 'Invalid tree info', docs);
    if (!Array.isArray(body.tree)) return error(422, 'Invalid request.\n\n"tree" wasn\'t supplied.', docs);
    const root = load(body.base_tree as string | undefined);
    for (const entry of body.tree as { path?: unknown; mode?: unknown; type?: unknown; sha?: unknown; content?: unknown }[]) {
      if (typeof entry.path !== 'string' || entry.path === '' || entry.path.startsWith('/')) return error(422, 'Invalid tree info', docs);
      if (entry.sha === null) {
        if (!setPath(root, entry.path, undefined)) return error(422, `GitRPC::BadObjectState`, docs);
        continue;
      }
      const sha = typeof entry.content === 'string' ? store({ type: 'blob', content: Buffer.from(entry.content, 'utf8') }) : entry.sha;
      if (typeof sha !== 'string' || !objects.has(sha)) return error(422, 'Invalid tree info', docs);
      setPath(root, entry.path, { name: '', mode: (entry.mode as Mode | undefined) ?? '100644', type: (entry.type as TreeItem['type'] | undefined) ?? 'blob', sha });
    }
    return { status: 201, body: treeBody(write(root)) };
  });

  gitRoute('GET', '/git/blobs/([0-9a-f]{40})', (_request, match) => {
    const blob = get(match[1]!, 'blob');
    if (!blob) return error(404, 'Not Found', `${DOCS}/blobs#get-a-blob`);
    return { body: { sha: match[1], node_id: `B_${match[1]!.slice(0, 20)}`, size: blob.content.length, url: `${api}/git/blobs/${match[1]}`, content: base64(blob.content), encoding: 'base64' } };
  });

  // The contents API answers 404 in an empty repository, like a missing file.
  github.route('GET', at('/contents/(.+)'), (request, match) => {
    const notFound = error(404, 'Not Found', 'https://docs.github.com/rest/repos/contents#get-repository-content');
    const ref = request.query.get('ref') ?? '';
    const commit = get(ref, 'commit') ? ref : repository.refs.get(`refs/heads/${ref}`);
    if (!commit) return notFound;
    const path = match[1]!;
    let tree = get(get(commit, 'commit')!.tree, 'tree')!;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) {
      const item = tree.entries.find((entry) => entry.name === part && entry.type === 'tree');
      if (!item) return notFound;
      tree = get(item.sha, 'tree')!;
    }
    const item = tree.entries.find((entry) => entry.name === parts.at(-1));
    if (!item || item.type !== 'blob') return notFound;
    const content = get(item.sha, 'blob')!.content;
    // Files over 1 MB come without their content.
    const inline = content.length <= 1024 * 1024;
    return {
      body: {
        type: 'file',
        encoding: inline ? 'base64' : 'none',
        size: content.length,
        name: parts.at(-1),
        path,
        content: inline ? base64(content) : '',
        sha: item.sha,
        url: `${api}/contents/${path}?ref=${ref}`,
        git_url: `${api}/git/blobs/${item.sha}`,
        html_url: `${html}/blob/${ref}/${path}`,
        download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
        _links: { self: `${api}/contents/${path}?ref=${ref}`, git: `${api}/git/blobs/${item.sha}`, html: `${html}/blob/${ref}/${path}` },
      },
    };
  });

  const repository: GitRepository = {
    owner,
    repo,
    refs: new Map(),
    empty: options.empty ?? false,
    truncatedTrees: new Set(),
    lostRefAnswers: 0,
    beforeCreateRef: undefined,
    files(branch) {
      const head = repository.refs.get(`refs/heads/${branch}`);
      if (!head) throw new Error(`no branch ${branch}`);
      return listFiles(get(head, 'commit')!.tree, '', new Map());
    },
    history(branch) {
      const commits: { sha: string; message: string; parents: string[] }[] = [];
      for (let sha = repository.refs.get(`refs/heads/${branch}`); sha; sha = get(sha, 'commit')!.parents[0]) {
        const commit = get(sha, 'commit')!;
        commits.push({ sha, message: commit.message, parents: commit.parents });
      }
      return commits;
    },
    commit(branch, change, message = 'Edit by hand') {
      const ref = `refs/heads/${branch}`;
      const parent = repository.refs.get(ref);
      const files = parent ? repository.files(branch) : new Map<string, string>();
      change(files);
      const root: Node = new Map();
      for (const [path, text] of files) setPath(root, path, { name: '', mode: '100644', type: 'blob', sha: store({ type: 'blob', content: Buffer.from(text, 'utf8') }) });
      const sha = makeCommit(write(root), parent ? [parent] : [], message);
      repository.refs.set(ref, sha);
      return sha;
    },
    reset(branch, sha) {
      repository.refs.set(`refs/heads/${branch}`, sha);
    },
    treeOf(commit) {
      return get(commit, 'commit')!.tree;
    },
  };
  return repository;
}

/** Git orders tree entries by name, comparing a folder's name as if it ended with "/". */
function sortTree(entries: TreeItem[]): TreeItem[] {
  const key = (item: TreeItem) => Buffer.from(item.type === 'tree' ? `${item.name}/` : item.name);
  return entries.sort((a, b) => Buffer.compare(key(a), key(b)));
}

/** An object as git stores it (before compression), whose sha1 is its id. */
function serialize(object: GitObject): Buffer {
  let body: Buffer;
  if (object.type === 'blob') {
    body = object.content;
  } else if (object.type === 'tree') {
    body = Buffer.concat(object.entries.flatMap((item) => [Buffer.from(`${item.mode.replace(/^0/, '')} ${item.name}\0`), Buffer.from(item.sha, 'hex')]));
  } else {
    const signature = (who: Signature) => `${who.name} <${who.email}> ${Math.floor(Date.parse(who.date) / 1000)} +0000`;
    const lines = [`tree ${object.tree}`, ...object.parents.map((parent) => `parent ${parent}`), `author ${signature(object.author)}`, `committer ${signature(object.committer)}`];
    body = Buffer.from(`${lines.join('\n')}\n\n${object.message}`);
  }
  return Buffer.concat([Buffer.from(`${object.type} ${body.length}\0`), body]);
}
