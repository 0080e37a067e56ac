import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture, FIXTURES, notFound, page, type FakeGitHub, type Json, type RecordedRequest } from './fake-github.js';

/** The fixture model repository: the base commit the API serves, and the checkout a runner has. */
export const MODEL_REPO = path.join(FIXTURES, 'repo');
export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
/** The SHAs of the recorded pull_request event: base and head of the pull request. */
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

/** Every file of a folder, by repository-relative path. */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** A runner's checkout: a temporary copy of the fixture repository. */
export function checkout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-workspace-'));
  cpSync(MODEL_REPO, dir, { recursive: true });
  return dir;
}

export interface ReviewSpec {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commit?: string;
  at?: string;
  /** GitHub's `author_association`; COLLABORATOR (write access) unless set. */
  association?: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'NONE';
  type?: 'User' | 'Bot';
}

export interface CommentSpec {
  id: number;
  body: string;
  login: string;
  /** The slug of the GitHub App the comment was made through (`performed_via_github_app`). */
  app?: string;
}

export interface AssetSpec {
  id: number;
  name: string;
  content: string;
  contentType?: string;
}

export interface Scenario {
  /** Files by ref (a SHA or a branch name) for the contents API. */
  refs: Record<string, Record<string, string>>;
  prNumber: number;
  prFiles: { filename: string; status?: string; previous_filename?: string }[];
  reviews: ReviewSpec[];
  /** Members by team slug (in OWNER's organization); a team missing here answers 404. */
  teams: Record<string, string[]>;
  /** Answer 403 to every team listing, as GitHub does for the GITHUB_TOKEN. */
  teamsForbidden?: boolean;
  runId: number;
  environmentApprovals: { user: string; state: 'approved' | 'rejected'; environment: string }[];
  comments: CommentSpec[];
  /** The pull request's commits by author and committer login; the route answers 403 when this is `forbidden`. */
  commits: { author?: string; committer?: string }[] | 'forbidden';
  /** The login `GET /user` answers with; unset: 403, as GitHub answers the GITHUB_TOKEN. */
  authenticatedUser?: string;
  /** Refs whose git tree listing GitHub cuts short (`truncated: true`). */
  truncatedTrees?: string[];
  releaseId: number;
  assets: AssetSpec[];
}

export interface Published {
  checkRuns: Json[];
  nextId: number;
}

const template = {
  diffEntry: fixture<Json[]>('api/pulls-list-files.json')[0]!,
  review: fixture<Json[]>('api/pulls-list-reviews.json')[0]!,
  commit: fixture<Json[]>('api/pulls-list-commits.json')[0]!,
  tree: fixture<Json>('api/git-get-tree.json'),
  member: fixture<Json[]>('api/teams-list-members-in-org.json')[0]!,
  environmentApproval: fixture<Json[]>('api/actions-get-reviews-for-run.json')[0]!,
  checkRun: fixture<Json>('api/checks-create.json'),
  comment: fixture<Json>('api/issues-create-comment.json'),
  asset: fixture<Json[]>('api/repos-list-release-assets.json')[0]!,
};

/** A simple-user object as reviews and comments carry it; team listings add their member fields. */
function user(login: string, type: 'User' | 'Bot' = 'User', base: Json = template.review.user as Json): Json {
  return { ...base, login, type, url: `https://api.github.com/users/${login}`, html_url: `https://github.com/${login}` };
}

export function defaultScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    // The base commit of the pull request, and the default branches the event fixtures name.
    refs: { [BASE_SHA]: readTree(MODEL_REPO), master: readTree(MODEL_REPO), main: readTree(MODEL_REPO) },
    prNumber: 2,
    prFiles: [],
    reviews: [],
    teams: { 'ml-risk': ['octocat'], 'release-managers': ['hubot'], 'ml-governance': ['monalisa'] },
    runId: 30433642,
    environmentApprovals: [],
    comments: [],
    commits: [{ author: 'Codertocat', committer: 'Codertocat' }],
    releaseId: 11248810,
    assets: [],
    ...overrides,
  };
}

/** Registers GitHub's endpoints for one repository on the fake server; returns what the Action published. */
export function serveModelRepo(github: FakeGitHub, scenario: Scenario): Published {
  const published: Published = { checkRuns: [], nextId: 1000 };
  const repo = `/repos/${OWNER}/${REPO}`;
  const at = (pattern: string) => new RegExp(`^${repo.replace(/\//g, '\\/')}${pattern}$`);

  github.route('GET', at('/contents/(.+)'), (request, match) => {
    const ref = request.query.get('ref') ?? 'main';
    const files = scenario.refs[ref];
    if (!files) return { status: 404, body: { message: `No commit found for the ref ${ref}`, documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' } };
    const content = files[match[1]!];
    if (content === undefined) return notFound('https://docs.github.com/rest/repos/contents#get-repository-content');
    if (!String(request.headers.accept).includes('raw')) return { status: 415, body: { message: 'test server: only raw content is served' } };
    return { raw: content };
  });

  github.route('GET', at(`/pulls/${scenario.prNumber}/files`), (request) =>
    page(
      request,
      scenario.prFiles.map((file, index) => ({
        ...template.diffEntry,
        sha: (index + 1).toString(16).padStart(40, '0'),
        filename: file.filename,
        status: file.status ?? 'modified',
        blob_url: `https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/${file.filename}`,
        raw_url: `https://github.com/${OWNER}/${REPO}/raw/${HEAD_SHA}/${file.filename}`,
        contents_url: `https://api.github.com${repo}/contents/${file.filename}?ref=${HEAD_SHA}`,
        ...(file.previous_filename && { previous_filename: file.previous_filename }),
      })),
      github.url,
    ),
  );

  github.route('GET', at(`/pulls/${scenario.prNumber}/reviews`), (request) =>
    page(
      request,
      scenario.reviews.map((review, index) => ({
        ...template.review,
        id: 80 + index,
        user: user(review.user, review.type ?? 'User'),
        author_association: review.association ?? 'COLLABORATOR',
        state: review.state,
        commit_id: review.commit ?? HEAD_SHA,
        submitted_at: review.at ?? `2026-11-20T09:${String(10 + index).padStart(2, '0')}:00Z`,
      })),
      github.url,
    ),
  );

  github.route('GET', at(`/pulls/${scenario.prNumber}/commits`), (request) => {
    if (scenario.commits === 'forbidden') {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-commits-on-a-pull-request', status: '403' } };
    }
    return page(
      request,
      scenario.commits.map((commit, index) => ({
        ...template.commit,
        sha: (index + 1).toString(16).padStart(40, 'c'),
        author: commit.author ? user(commit.author) : null,
        committer: commit.committer ? user(commit.committer) : null,
      })),
      github.url,
    );
  });

  github.route('GET', at('/git/trees/([^/]+)'), (request, match) => {
    const ref = match[1]!;
    const files = scenario.refs[ref];
    if (!files) return notFound('https://docs.github.com/rest/git/trees#get-a-tree');
    const entry = (template.tree.tree as Json[])[0]!;
    const tree = Object.entries(files)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, content]) => ({ ...entry, path: file, size: Buffer.byteLength(content), sha: blobSha(content), url: `https://api.github.com${repo}/git/blobs/${blobSha(content)}` }));
    return { body: { ...template.tree, sha: ref, url: `https://api.github.com${repo}/git/trees/${ref}`, tree: request.query.get('recursive') ? tree : [], truncated: scenario.truncatedTrees?.includes(ref) ?? false } };
  });

  github.route('GET', /^\/user$/, () =>
    scenario.authenticatedUser
      ? { body: user(scenario.authenticatedUser) }
      : { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' } },
  );

  github.route('GET', /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/, (request, match) => {
    if (scenario.teamsForbidden) {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/teams/members#list-team-members', status: '403' } };
    }
    const members = match[1] === OWNER ? scenario.teams[match[2]!] : undefined;
    if (!members) return notFound('https://docs.github.com/rest/teams/members#list-team-members');
    return page(request, members.map((login) => user(login, 'User', template.member)), github.url);
  });

  github.route('GET', at(`/actions/runs/(\\d+)/approvals`), (_request, match) => ({
    body:
      Number(match[1]) === scenario.runId
        ? scenario.environmentApprovals.map((approval) => ({
            ...template.environmentApproval,
            state: approval.state,
            user: user(approval.user),
            environments: [{ ...((template.environmentApproval.environments as Json[])[0] as Json), name: approval.environment }],
          }))
        : [],
  }));

  github.route('POST', at('/check-runs'), (request) => {
    const body = request.body as Json;
    const run = { ...template.checkRun, ...body, id: published.nextId++, annotations: [...(((body.output as Json | undefined)?.annotations as Json[]) ?? [])] };
    published.checkRuns.push(run);
    return { status: 201, body: checkRunAnswer(run) };
  });
  github.route('PATCH', at('/check-runs/(\\d+)'), (request, match) => {
    const run = published.checkRuns.find((candidate) => candidate.id === Number(match[1]));
    if (!run) return notFound();
    const body = request.body as Json;
    (run.annotations as Json[]).push(...(((body.output as Json | undefined)?.annotations as Json[]) ?? []));
    return { body: checkRunAnswer(run) };
  });

  github.route('GET', at(`/issues/${scenario.prNumber}/comments`), (request) => page(request, scenario.comments.map(commentAnswer), github.url));
  github.route('POST', at(`/issues/${scenario.prNumber}/comments`), (request) => {
    const comment = { id: published.nextId++, body: (request.body as Json).body as string, login: 'github-actions[bot]' };
    scenario.comments.push(comment);
    return { status: 201, body: commentAnswer(comment) };
  });
  github.route('PATCH', at('/issues/comments/(\\d+)'), (request, match) => {
    const comment = scenario.comments.find((candidate) => candidate.id === Number(match[1]));
    if (!comment) return notFound();
    comment.body = (request.body as Json).body as string;
    return { body: commentAnswer(comment) };
  });

  github.route('GET', at(`/releases/${scenario.releaseId}/assets`), (request) => page(request, scenario.assets.map((asset) => assetAnswer(asset, github.url)), github.url));
  github.route('GET', at('/releases/assets/(\\d+)'), (request, match) => {
    const asset = scenario.assets.find((candidate) => candidate.id === Number(match[1]));
    if (!asset) return notFound();
    // With `Accept: application/octet-stream` GitHub redirects to the file's storage.
    if (String(request.headers.accept).includes('application/octet-stream')) return { status: 302, headers: { location: `${github.url}/downloads/${asset.id}/${asset.name}` }, body: '' };
    return { body: assetAnswer(asset, github.url) };
  });
  github.route('GET', /^\/downloads\/(\d+)\/.+$/, (_request, match) => {
    const asset = scenario.assets.find((candidate) => candidate.id === Number(match[1]));
    return asset ? { raw: asset.content, headers: { 'content-type': asset.contentType ?? 'application/octet-stream' } } : notFound();
  });

  function commentAnswer(comment: CommentSpec): Json {
    return {
      ...template.comment,
      id: comment.id,
      body: comment.body,
      user: user(comment.login, comment.login.endsWith('[bot]') ? 'Bot' : 'User'),
      performed_via_github_app: comment.app ? { id: 1, slug: comment.app, name: comment.app } : null,
      url: `https://api.github.com${repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${scenario.prNumber}#issuecomment-${comment.id}`,
    };
  }
  return published;
}

/** Git's blob id of a file: sha1 over `blob <size>\0` and the content. */
function blobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function checkRunAnswer(run: Json): Json {
  const { annotations, ...rest } = run;
  const output = (rest.output ?? {}) as Json;
  const { annotations: _sent, ...outputRest } = output;
  return {
    ...rest,
    html_url: `https://github.com/${OWNER}/${REPO}/runs/${String(run.id)}`,
    output: { ...outputRest, annotations_count: (annotations as unknown[]).length, annotations_url: `https://api.github.com/repos/${OWNER}/${REPO}/check-runs/${String(run.id)}/annotations` },
  };
}

function assetAnswer(asset: AssetSpec, baseUrl: string): Json {
  return {
    ...template.asset,
    id: asset.id,
    name: asset.name,
    label: '',
    content_type: asset.contentType ?? 'application/octet-stream',
    size: Buffer.byteLength(asset.content),
    url: `${baseUrl}/repos/${OWNER}/${REPO}/releases/assets/${asset.id}`,
    browser_download_url: `https://github.com/${OWNER}/${REPO}/releases/download/fraud-scorer@1.4.0/${asset.name}`,
  };
}

/** Requests the Action sent, as `METHOD /path` without the query, for compact assertions. */
export function calls(requests: readonly RecordedRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.pathname}`);
}
