/** Output formats of gongwen-lint: SARIF 2.1.0 for code-scanning tools, and a unified diff for --dry-run. */
import type { Diagnostic, RuleMeta } from './engine';

const LEVEL: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

/** A file path as a SARIF artifact URI: percent-encoded, relative paths kept relative, absolute ones as file:// URIs. */
export function artifactUri(file: string): string {
  const slashed = file.split('\\').join('/');
  const encoded = slashed.split('/').map((part, i) => (i === 0 && /^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part))).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

export function toSarif(results: { file: string; diagnostics: Diagnostic[] }[], rules: RuleMeta[], version: string, docsBase: string, skipped: { file: string; reason: string }[] = []): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gongwen-lint',
            version,
            informationUri: 'https://github.com/gongwen/gongwen',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace('/', '-'),
              shortDescription: { text: r.description },
              fullDescription: { text: r.details ?? r.description },
              helpUri: `${docsBase}${r.id}.md`,
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'note' },
            })),
          },
        },
        // files that could not be checked: the run is not a clean bill of health
        invocations: [
          {
            executionSuccessful: skipped.length === 0,
            toolExecutionNotifications: skipped.map((x) => ({
              level: 'error',
              message: { text: `未检查 ${x.file}：${x.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(x.file) } } }],
            })),
          },
        ],
        // SARIF columns count UTF-16 code units by default, as LSP positions do
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.code,
            ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(file) },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                    // in a Word document a line is a paragraph: its text around the finding
                    ...(typeof (d as DocxPlace).snippet === 'string' ? { snippet: { text: (d as DocxPlace).snippet } } : {}),
                  },
                },
                // where in a Word document: the paragraph (1-based) and the offset in it
                ...(typeof (d as DocxPlace).paragraph === 'number' ? { properties: { paragraph: (d as DocxPlace).paragraph, offset: (d as DocxPlace).offset } } : {}),
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** Lines with their own line breaks (\n, \r\n or \r); the last has none when the text does not end with one. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/**
 * A unified diff of two texts by lines (common head and tail kept out, the middle compared by LCS) that git
 * apply and patch accept: each line keeps its own line break (CRLF included), a last line without one is
 * followed by “\ No newline at end of file”, and the counts never include a line after the final newline.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const body: [string, string][] = [];
  if (x.length * y.length <= 4_000_000) {
    const dp = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
    for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) body.push([' ', x[i++]]), j++;
      // removed lines before added ones, as diff and git print them
      else if (i < x.length && (j === y.length || dp[i + 1][j] >= dp[i][j + 1])) body.push(['-', x[i++]]);
      else body.push(['+', y[j++]]);
    }
  } else {
    body.push(...x.map((l): [string, string] => ['-', l]), ...y.map((l): [string, string] => ['+', l]));
  }
  const ctxBefore = a.slice(Math.max(0, head - 2), head).map((l): [string, string] => [' ', l]);
  const ctxAfter = a.slice(a.length - tail, Math.min(a.length, a.length - tail + 2)).map((l): [string, string] => [' ', l]);
  const start = head - ctxBefore.length;
  const all = [...ctxBefore, ...body, ...ctxAfter];
  const oldCount = all.filter(([k]) => k !== '+').length;
  const newCount = all.filter(([k]) => k !== '-').length;
  // an empty side starts at the line before (unified diff convention)
  const range = (from: number, count: number) => `${count ? from + 1 : from},${count}`;
  const out = [`--- ${file}\n`, `+++ ${file}\n`, `@@ -${range(start, oldCount)} +${range(start, newCount)} @@\n`];
  for (const [kind, line] of all) {
    out.push(kind + line);
    if (!/[\r\n]$/.test(line)) out.push('\n\\ No newline at end of file\n');
  }
  return out.join('').replace(/\n$/, '');
}

/**
 * For a terminal: a changed pair of long lines (a paragraph is one line in a report) shown as the changed
 * words with some context, not two whole paragraphs. `mark(old, new)` paints the changed parts.
 */
export function compactDiff(diff: string, mark: (kind: '-' | '+', s: string) => string, width = 80, context = 12): string {
  const lines = diff.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (a?.startsWith('-') && !a.startsWith('---') && b?.startsWith('+') && !b.startsWith('+++') && (a.length > width || b.length > width)) {
      const x = a.slice(1).replace(/\r$/, '');
      const y = b.slice(1).replace(/\r$/, '');
      let head = 0;
      while (head < x.length && head < y.length && x[head] === y[head]) head++;
      let tail = 0;
      while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
      const before = x.slice(Math.max(0, head - context), head);
      const after = x.slice(x.length - tail, x.length - tail + context);
      const lead = head > context ? '…' : '';
      const trail = tail > context ? '…' : '';
      out.push(`-${lead}${before}${mark('-', x.slice(head, x.length - tail))}${after}${trail}`);
      out.push(`+${lead}${before}${mark('+', y.slice(head, y.length - tail))}${after}${trail}`);
      i++;
    } else out.push(a);
  }
  return out.join('\n');
}

/** What a finding in a Word document carries besides its range (see gongwen-lint on .docx). */
interface DocxPlace {
  paragraph?: number;
  offset?: number;
  snippet?: string;
}
