/** file: URIs ↔ paths, for reading .gongwen.json next to a document. */
import { fileURLToPath, pathToFileURL } from 'url';
import { uriKey } from './uri-key';

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

/** A file: URI in one spelling, for comparing two (escapes decoded, drive letter and host in lower case). */
export function normalizeFileUri(uri: string): string {
  return /^file:\/\//i.test(uri) ? uriKey(uri) : uri;
}
