/** file: URIs ↔ paths, for reading .gongwen.json next to a document. */
import { fileURLToPath, pathToFileURL } from 'url';

export const URI_FILE_PREFIX = 'file:';

/** The path of a file: URI, or undefined where it names none here (file://host/…, an encoded /, a malformed escape). */
export function fileUriToPath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToFileUri(p: string): string {
  return pathToFileURL(p).href;
}

/**
 * A file: URI in one spelling, for comparing two: escapes decoded (VS Code writes ( ) + & and the drive
 * letter's colon escaped, Node does not), the drive letter and the host in lower case.
 */
export function normalizeFileUri(uri: string): string {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return uri;
  let p = m[2] ?? '/';
  try {
    p = decodeURIComponent(p);
  } catch {
    return uri; // a malformed escape: compared as written
  }
  p = p.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`);
  return `file://${m[1].toLowerCase()}${p}`;
}
