import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryAttachmentContents } from './directory-attachment-contents';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachment bytes in a directory', () => {
  let root: string;
  let store: DirectoryAttachmentContents;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fengqiao-contents-'));
    store = new DirectoryAttachmentContents(join(root, 'files'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names each file by its SHA-256 under a two-character folder and leaves no temporary file behind', async () => {
    const bytes = Buffer.from('%PDF-1.4 签字扫描件');
    await store.save(sha(bytes), bytes);
    const folder = join(root, 'files', sha(bytes).slice(0, 2));
    expect(readdirSync(folder)).toEqual([sha(bytes)]);
    expect(await store.read(sha(bytes))).toEqual(bytes);
  });

  it('keeps the same content once, and leaves a file already in place untouched', async () => {
    const bytes = Buffer.from('same');
    await store.save(sha(bytes), bytes);
    writeFileSync(store.path(sha(bytes)), 'changed afterwards');
    await store.save(sha(bytes), bytes);
    expect((await store.read(sha(bytes)))!.toString()).toBe('changed afterwards');
  });

  it('answers null for bytes it does not have, and refuses a name that is not a SHA-256', async () => {
    expect(await store.read('0'.repeat(64))).toBeNull();
    await expect(store.read('../../etc/passwd')).rejects.toThrow('Not a SHA-256');
  });
});
