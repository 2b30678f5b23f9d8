// Reads a .vsix (a zip) from its central directory.
//   node scripts/vsix-contents.mjs file.vsix            lists the files with their sizes
//   node scripts/vsix-contents.mjs file.vsix <folder>   extracts them (to run the packaged extension)
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { fileURLToPath } from 'url';

export function vsixEntries(file) {
  const buf = fs.readFileSync(file);
  // End of central directory: signature 0x06054b50 within the last 64 KiB
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.push({
      name,
      size,
      data: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressed);
        return method === 0 ? raw : zlib.inflateRawSync(raw);
      },
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function extractVsix(file, folder) {
  for (const e of vsixEntries(file)) {
    const target = path.resolve(folder, e.name);
    if (!target.startsWith(path.resolve(folder) + path.sep)) throw new Error(`unsafe path in the archive: ${e.name}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, e.data());
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2]) {
  if (process.argv[3]) extractVsix(process.argv[2], process.argv[3]);
  else for (const e of vsixEntries(process.argv[2])) console.log(`${String(e.size).padStart(8)}  ${e.name}`);
}
