import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files' bytes in a directory, each named by its SHA-256 (two-character fan-out folders), so the same content is
 * kept once and a name never says anything about a case. A file is written to a temporary name, flushed and then
 * renamed into place: rename is atomic within a file system, so a reader or a crash never meets half a file.
 */
export class DirectoryAttachmentContents {
  constructor(private readonly root: string) {}

  path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 in hex: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async save(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.path(sha256);
    if (await exists(target)) return;
    const dir = join(this.root, sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${sha256}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    await rename(temp, target);
  }

  async read(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
