import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import type { PackFile } from './pack.js';

const gzipAsync = promisify(gzip);

/**
 * The pack's files as a gzipped tar under one folder. Reproducible: the same files and time
 * give the same bytes (fixed modes and owners, every entry dated `time`, no name or time in
 * the gzip header), so two people packing the same trail can compare checksums.
 */
export async function archiveEvidencePack(files: readonly PackFile[], folder: string, time: Date): Promise<Buffer> {
  const archive = tarPack();
  const chunks: Buffer[] = [];
  const collected = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
  });
  // Whole seconds: tar keeps no fractions, and a fraction would differ between equal packs.
  const mtime = new Date(Math.floor(time.getTime() / 1000) * 1000);
  const owner = { uid: 0, gid: 0, uname: '', gname: '', mtime };
  const directories = new Set<string>([folder]);
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) directories.add(`${folder}/${parts.slice(0, depth).join('/')}`);
  }
  // Folders first, so extracting tools that need them before their files find them.
  for (const directory of [...directories].sort()) {
    await addEntry(archive, { name: `${directory}/`, type: 'directory', mode: 0o755, ...owner });
  }
  for (const file of files) {
    await addEntry(archive, { name: `${folder}/${file.path}`, type: 'file', mode: 0o644, size: file.bytes.length, ...owner }, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  }
  archive.finalize();
  return gzipAsync(await collected, { level: 9 });
}

function addEntry(archive: ReturnType<typeof tarPack>, header: Parameters<ReturnType<typeof tarPack>['entry']>[0], body?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const callback = (error?: Error | null) => (error ? reject(error) : resolve());
    if (body) archive.entry(header, body, callback);
    else archive.entry(header, callback);
  });
}
