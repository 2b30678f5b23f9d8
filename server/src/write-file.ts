/**
 * Writing a file the user owns without ever leaving it half-written: the new content goes to a temporary
 * file beside it, is flushed to disk, and replaces the original by rename. On any error (a full disk, no
 * permission) the original is untouched and the temporary file is removed.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface WriteOps {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  unlinkSync: typeof fs.unlinkSync;
}

const NODE_OPS: WriteOps = {
  openSync: fs.openSync,
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

/** Why a file could not be written, in words a user can act on. */
export function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EDQUOT':
      return '超出磁盘配额';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '文件系统为只读';
    case 'READONLY':
      return '文件为只读';
    case 'ENOENT':
      return '文件或目录不存在';
    case 'EISDIR':
      return '这是一个目录';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/**
 * Replaces `file` with `data`. A file marked read-only (no write bit for anyone) is refused even for a
 * user who could overwrite it (root): read-only means the author does not want it changed.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, ops: WriteOps = NODE_OPS): void {
  let mode: number | undefined;
  try {
    const st = fs.statSync(file);
    mode = st.mode & 0o7777;
    if ((st.mode & 0o222) === 0) throw Object.assign(new Error('read-only'), { code: 'READONLY' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = ops.openSync(tmp, 'wx', mode ?? 0o666);
    for (let off = 0; off < bytes.length; ) off += ops.writeSync(fd, bytes.subarray(off));
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = undefined;
    ops.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        ops.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      ops.unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw e;
  }
}
