/** Output formats of gongwen-lint: SARIF 2.1.0 for code-scanning tools, and a unified diff for --dry-run. */
import type { Diagnostic, RuleMeta } from './engine';

const LEVEL: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

export function toSarif(results: { file: string; diagnostics: Diagnostic[] }[], rules: RuleMeta[], version: string, docsBase: string): object {
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
                  artifactLocation: { uri: file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** A unified diff of two texts by lines (common head and tail kept out, the middle compared by LCS). */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split(/\r?\n|\r/);
  const b = after.split(/\r?\n|\r/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lines: string[] = [];
  if (x.length * y.length <= 4_000_000) {
    const dp = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
    for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) lines.push(` ${x[i++]}`), j++;
      else if (j < y.length && (i === x.length || dp[i][j + 1] >= dp[i + 1][j])) lines.push(`+${y[j++]}`);
      else lines.push(`-${x[i++]}`);
    }
  } else {
    lines.push(...x.map((l) => `-${l}`), ...y.map((l) => `+${l}`));
  }
  const ctxBefore = a.slice(Math.max(0, head - 2), head).map((l) => ` ${l}`);
  const ctxAfter = a.slice(a.length - tail, Math.min(a.length, a.length - tail + 2)).map((l) => ` ${l}`);
  const start = head - ctxBefore.length;
  const oldCount = ctxBefore.length + x.length + ctxAfter.length;
  const newCount = ctxBefore.length + y.length + ctxAfter.length;
  return [`--- ${file}`, `+++ ${file}`, `@@ -${start + 1},${oldCount} +${start + 1},${newCount} @@`, ...ctxBefore, ...lines, ...ctxAfter].join('\n');
}
