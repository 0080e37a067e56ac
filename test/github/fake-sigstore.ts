import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * GitHub's Sigstore instance and the public-good one on loopback, for signing attestations
 * without reaching the internet: Fulcio (`POST /api/v2/signingCert`), GitHub's timestamp
 * authority (`POST /api/v1/timestamp`) and Rekor (`POST /api/v1/log/entries`) behind TLS with
 * a test root, reached through an HTTPS proxy (`HTTPS_PROXY`, which the Sigstore client
 * honours) that refuses every other host; and the runner's OIDC token service
 * (`ACTIONS_ID_TOKEN_REQUEST_URL`).
 *
 * The answers are real: Fulcio checks the OIDC token's signature and the proof of possession
 * and issues an X.509 certificate for the requested key (openssl); the timestamp authority
 * answers with an RFC 3161 TimeStampResp (`openssl ts -reply`); Rekor answers with a `dsse`
 * entry of a one-entry log, its inclusion proof and a signed entry timestamp from a test log
 * key. A test can verify what it got against the test root and log key, as a verifier does.
 */

/** The hosts `@actions/attest` derives from GITHUB_SERVER_URL=https://github.com for GitHub's instance. */
export const GITHUB_SIGSTORE_HOSTS = ['fulcio.githubapp.com', 'timestamp.githubapp.com'];
/** The public-good instance's hosts, fixed in `@actions/attest`. */
export const PUBLIC_GOOD_HOSTS = ['fulcio.sigstore.dev', 'rekor.sigstore.dev'];
const SERVED_HOSTS = [...GITHUB_SIGSTORE_HOSTS, ...PUBLIC_GOOD_HOSTS];
/** GitHub's OIDC issuer, as in the tokens of a runner. */
export const OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

export interface SigningRequest {
  token: string;
  publicKey: string;
  proofOfPossession: string;
}

export interface FakeSigstore {
  /** For HTTPS_PROXY. */
  proxyUrl: string;
  /** For NODE_EXTRA_CA_CERTS: the test root that issued the TLS, signing and timestamping certificates. */
  caFile: string;
  caPem: string;
  tsaPem: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  idTokenUrl: string;
  idTokenRequestToken: string;
  /** The claims of the OIDC token handed out. */
  claims: Record<string, unknown>;
  signingRequests: SigningRequest[];
  timestampRequests: { artifactHash: string; hashAlgorithm: string }[];
  /** OIDC token requests, with the audience asked for. */
  tokenRequests: { audience: string | null; authorization: string | undefined }[];
  /** Hosts a CONNECT asked for that are not served here: nothing may reach them. */
  refusedHosts: string[];
  /** Hosts reached through the proxy, in order. */
  connectedHosts: string[];
  /** The log's public key (PEM), for checking Rekor's signed entry timestamps. */
  logPublicKey: string;
  /** Sanity failures of Fulcio's checks (a bad token or proof), which it answered with 400/401. */
  rejected: string[];
  close(): Promise<void>;
}

export async function startFakeSigstore(options: { workflowRef: string; repository: string; sha: string }): Promise<FakeSigstore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-sigstore-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/O=modelgate-test/CN=test root', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = (name: string, subject: string, extensions: string) => {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    writeFileSync(file(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  issue('tls', '/CN=sigstore', `subjectAltName=${SERVED_HOSTS.map((host) => `DNS:${host}`).join(',')}\n`);
  issue('tsa', '/O=modelgate-test/CN=test timestamp authority', 'extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n');
  writeFileSync(file('tsaserial'), '01\n');
  writeFileSync(
    file('tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      'serial = ./tsaserial',
      'crypto_device = builtin',
      'signer_cert = ./tsa.pem',
      'certs = ./tsa.pem',
      'signer_key = ./tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.57264.2',
      'other_policies = 1.3.6.1.4.1.57264.2',
      'digests = sha256',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  const caPem = readFileSync(file('ca.pem'), 'utf8');

  // The OIDC token service: ES256 tokens with a runner's claims.
  const oidcKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: OIDC_ISSUER,
    aud: 'sigstore',
    sub: `repo:${options.repository}:ref:refs/heads/main`,
    repository: options.repository,
    repository_owner: options.repository.split('/')[0],
    sha: options.sha,
    ref: 'refs/heads/main',
    event_name: 'workflow_dispatch',
    workflow_ref: options.workflowRef,
    job_workflow_ref: options.workflowRef,
    runner_environment: 'github-hosted',
    iat: now,
    nbf: now - 5,
    exp: now + 3600,
  };
  const token = signJwt(claims, oidcKey.privateKey);
  const idTokenRequestToken = 'runtime-token-for-the-id-token-service';

  const signingRequests: SigningRequest[] = [];
  const timestampRequests: { artifactHash: string; hashAlgorithm: string }[] = [];
  const tokenRequests: { audience: string | null; authorization: string | undefined }[] = [];
  const refusedHosts: string[] = [];
  const connectedHosts: string[] = [];
  const rejected: string[] = [];
  const logKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const logId = createHash('sha256').update(logKey.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  let logIndex = 0;

  const tls = createHttpsServer({ key: readFileSync(file('tls.key')), cert: readFileSync(file('tls.pem')) }, (request, response) => {
    void answerSigstore(request, response).catch((error: unknown) => json(response, 500, { message: String(error) }));
  });
  const answerSigstore = async (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.parse((await readAll(request)).toString('utf8') || '{}') as Record<string, unknown>;
    const host = (request.headers.host ?? '').split(':')[0];
    if ((host === 'fulcio.githubapp.com' || host === 'fulcio.sigstore.dev') && request.method === 'POST' && request.url === '/api/v2/signingCert') {
      const credentials = body.credentials as { oidcIdentityToken?: string } | undefined;
      const keyRequest = body.publicKeyRequest as { publicKey?: { algorithm?: string; content?: string }; proofOfPossession?: string } | undefined;
      const presented = credentials?.oidcIdentityToken ?? '';
      const publicKey = keyRequest?.publicKey?.content ?? '';
      const proof = keyRequest?.proofOfPossession ?? '';
      signingRequests.push({ token: presented, publicKey, proofOfPossession: proof });
      const tokenClaims = verifyJwt(presented, oidcKey.publicKey);
      if (!tokenClaims) {
        rejected.push('the OIDC token does not verify');
        return json(response, 401, { code: 16, message: 'There was an error processing the identity token' });
      }
      // The proof of possession is the token's subject signed with the key to certify.
      if (!verify('sha256', Buffer.from(String(tokenClaims.sub)), createPublicKey(publicKey), Buffer.from(proof, 'base64'))) {
        rejected.push('the proof of possession does not verify');
        return json(response, 400, { code: 3, message: 'The signature supplied in the request could not be verified' });
      }
      writeFileSync(file('leaf.pub'), publicKey);
      writeFileSync(
        file('leaf.ext'),
        `[v3]\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\nsubjectAltName=critical,URI:https://github.com/${String(tokenClaims.job_workflow_ref)}\n1.3.6.1.4.1.57264.1.8=ASN1:UTF8String:${OIDC_ISSUER}\n`,
      );
      openssl('x509', '-new', '-force_pubkey', 'leaf.pub', '-subj', '/', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-days', '1', '-extfile', 'leaf.ext', '-extensions', 'v3', '-out', 'leaf.pem');
      const leaf = readFileSync(file('leaf.pem'), 'utf8');
      // Fulcio's answer (v2 API): the chain, leaf first.
      return json(response, 201, { signedCertificateEmbeddedSct: { chain: { certificates: [leaf, caPem] } } });
    }
    if (host === 'timestamp.githubapp.com' && request.method === 'POST' && request.url === '/api/v1/timestamp') {
      const artifactHash = String(body.artifactHash ?? '');
      timestampRequests.push({ artifactHash, hashAlgorithm: String(body.hashAlgorithm ?? '') });
      const digest = Buffer.from(artifactHash, 'base64').toString('hex');
      openssl('ts', '-query', '-digest', digest, '-sha256', '-no_nonce', '-cert', '-out', 'request.tsq');
      openssl('ts', '-reply', '-queryfile', 'request.tsq', '-config', 'tsa.cnf', '-out', 'response.tsr');
      const answer = readFileSync(file('response.tsr'));
      response.writeHead(201, { 'content-type': 'application/timestamp-reply', 'content-length': String(answer.length) });
      response.end(answer);
      return;
    }
    if (host === 'rekor.sigstore.dev' && request.method === 'POST' && request.url === '/api/v1/log/entries') {
      const spec = body.spec as { proposedContent?: { envelope?: string; verifiers?: string[] } } | undefined;
      if (body.kind !== 'dsse' || !spec?.proposedContent?.envelope) return json(response, 400, { code: 400, message: 'test Rekor: only dsse entries' });
      const envelope = JSON.parse(spec.proposedContent.envelope) as { payload: string; signatures: { sig: string }[] };
      // What Rekor stores of a dsse entry: hashes of the envelope and payload, and the signatures with their verifiers.
      const entryBody = {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
          envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(spec.proposedContent.envelope).digest('hex') },
          payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(Buffer.from(envelope.payload, 'base64')).digest('hex') },
          signatures: envelope.signatures.map((signature, index) => ({ signature: signature.sig, verifier: spec.proposedContent!.verifiers?.[index] ?? '' })),
        },
      };
      const encodedBody = Buffer.from(JSON.stringify(entryBody)).toString('base64');
      const index = logIndex++;
      const integratedTime = Math.floor(Date.now() / 1000);
      // A one-entry tree per entry: the root is the leaf hash (RFC 6962: sha256 of 0x00 and the entry).
      const rootHash = createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(encodedBody, 'base64')])).digest('hex');
      const promised = JSON.stringify({ body: encodedBody, integratedTime, logID: logId, logIndex: index });
      const signedEntryTimestamp = sign('sha256', Buffer.from(promised), logKey.privateKey).toString('base64');
      const uuid = `${logId.slice(0, 16)}${rootHash}`;
      return json(response, 201, {
        [uuid]: {
          body: encodedBody,
          integratedTime,
          logID: logId,
          logIndex: index,
          verification: {
            inclusionProof: { checkpoint: `rekor.sigstore.dev - test\n1\n${Buffer.from(rootHash, 'hex').toString('base64')}\n`, hashes: [], logIndex: 0, rootHash, treeSize: 1 },
            signedEntryTimestamp,
          },
        },
      });
    }
    json(response, 404, { message: `not served here: ${request.method} ${host}${request.url}` });
  };
  await listen(tls);
  const tlsPort = (tls.address() as AddressInfo).port;

  // The HTTPS proxy: CONNECT to this instance's hosts reaches the TLS server; anything else is refused.
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((request, response) => {
    // The runner's OIDC token service, in plain HTTP on the proxy's port (NO_PROXY keeps it direct).
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/_actions/idtoken') {
      tokenRequests.push({ audience: url.searchParams.get('audience'), authorization: request.headers.authorization });
      if (request.headers.authorization !== `Bearer ${idTokenRequestToken}`) return json(response, 401, { message: 'bad runtime token' });
      return json(response, 200, { value: token });
    }
    refusedHosts.push(url.host || String(request.headers.host));
    json(response, 403, { message: 'the test proxy refuses plain requests' });
  });
  proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const [host] = (request.url ?? '').split(':');
    if (!host || !SERVED_HOSTS.includes(host)) {
      refusedHosts.push(request.url ?? '');
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    connectedHosts.push(host);
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await listen(proxy);
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  return {
    proxyUrl,
    caFile: file('ca.pem'),
    caPem,
    tsaPem: readFileSync(file('tsa.pem'), 'utf8'),
    idTokenUrl: `${proxyUrl}/_actions/idtoken?api-version=2.0`,
    idTokenRequestToken,
    claims,
    signingRequests,
    timestampRequests,
    tokenRequests,
    refusedHosts,
    connectedHosts,
    logPublicKey: logKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    rejected,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      tls.closeAllConnections();
      proxy.closeAllConnections();
      await Promise.all([new Promise((resolve) => tls.close(resolve)), new Promise((resolve) => proxy.close(resolve))]);
    },
  };
}

/** Verifies an RFC 3161 timestamp (DER TimeStampResp) over `signature` against the test root, with openssl. */
export function verifyTimestamp(sigstore: FakeSigstore, timestamp: Buffer, signature: Buffer): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-tsr-'));
  writeFileSync(path.join(dir, 'response.tsr'), timestamp);
  writeFileSync(path.join(dir, 'ca.pem'), sigstore.caPem);
  writeFileSync(path.join(dir, 'tsa.pem'), sigstore.tsaPem);
  const digest = createHash('sha256').update(signature).digest('hex');
  try {
    execFileSync('openssl', ['ts', '-verify', '-digest', digest, '-in', 'response.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'], { cwd: dir, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function signJwt(payload: Record<string, unknown>, key: KeyObject): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'ES256', typ: 'JWT', kid: 'test' })}.${encode(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function verifyJwt(token: string, key: KeyObject): Record<string, unknown> | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const ok = verify('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  return ok ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>) : undefined;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function listen(server: { listen(port: number, host: string, callback: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

