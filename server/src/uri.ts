/** file: URIs ↔ paths, for reading .gongwen.json next to a document. */
import { fileURLToPath, pathToFileURL } from 'url';

export const URI_FILE_PREFIX = 'file:';

export function fileUriToPath(uri: string): string {
  return fileURLToPath(uri);
}

export function pathToFileUri(p: string): string {
  return pathToFileURL(p).href;
}
