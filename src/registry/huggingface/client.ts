import { callRegistry, type CallOptions } from '../http.js';

/**
 * The Hub HTTP calls the hook makes: files at a commit (`/{repo}/resolve/{revision}/{path}`,
 * which may redirect to a CDN; the token is not sent on across hosts), and discussions
 * (`/api/models/{repo}/discussions`, and `/discussions/{num}/comment` to answer one).
 */
export interface HubClient {
  /** A file at a revision, or undefined when the Hub says it is not there. */
  downloadFile(repo: string, revision: string, path: string, maxBytes: number): Promise<Uint8Array | undefined>;
  comment(repo: string, discussion: number, text: string): Promise<void>;
  openDiscussion(repo: string, title: string, text: string): Promise<void>;
  commitUrl(repo: string, sha: string): string;
}

export interface HubClientOptions {
  endpoint: string;
  token?: string | undefined;
  call: (operation: string) => CallOptions;
}

export function createHubClient(options: HubClientOptions): HubClient {
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const repoPath = (repo: string) => repo.split('/').map(encodeURIComponent).join('/');
  return {
    async downloadFile(repo, revision, path, maxBytes) {
      const url = `${options.endpoint}/${repoPath(repo)}/resolve/${encodeURIComponent(revision)}/${path.split('/').map(encodeURIComponent).join('/')}`;
      const response = await callRegistry(`Hugging Face ${repo}@${revision.slice(0, 12)} ${path}`, { url, headers: { ...headers, accept: '*/*' }, accept: [404] }, { ...options.call('resolve'), maxBytes });
      return response.status === 404 ? undefined : response.body;
    },

    async comment(repo, discussion, text) {
      // Not repeated after a failure: a comment posted twice is worse than a redelivery.
      await callRegistry(
        `Hugging Face comment on ${repo}#${discussion}`,
        { method: 'POST', url: `${options.endpoint}/api/models/${repoPath(repo)}/discussions/${discussion}/comment`, headers, json: { comment: text }, idempotent: false },
        options.call('discussions/comment'),
      );
    },

    async openDiscussion(repo, title, text) {
      await callRegistry(
        `Hugging Face discussion on ${repo}`,
        { method: 'POST', url: `${options.endpoint}/api/models/${repoPath(repo)}/discussions`, headers, json: { title, description: text, pullRequest: false }, idempotent: false },
        options.call('discussions'),
      );
    },

    commitUrl(repo, sha) {
      return `${options.endpoint}/${repoPath(repo)}/commit/${sha}`;
    },
  };
}
