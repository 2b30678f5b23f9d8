/**
 * A URI in one spelling, for comparing two: escapes decoded (VS Code writes ( ) + & and the drive
 * letter's colon escaped, Node does not), the scheme, the drive letter and the host in lower case. No
 * Node API: the server in a Web Worker uses it too.
 */
export function uriKey(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return uri;
  let p = m[3] ?? '/';
  try {
    p = decodeURIComponent(p);
  } catch {
    return uri; // a malformed escape: compared as written
  }
  p = p.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`);
  return `${m[1].toLowerCase()}://${m[2].toLowerCase()}${p}`;
}
