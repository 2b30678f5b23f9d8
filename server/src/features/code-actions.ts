/**
 * Code actions: each finding's fixes, 填写 and 全部填写 for placeholders, 忽略此处 and 在本工作区关闭, and
 * 修复全部 (worked out when chosen, for clients that resolve an action's edit).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Core, Parsed } from '../core';
import { disableNextLineComment, fillAllEdits, fixText, getRule, minimalEdits, PLACEHOLDER_RULES, qualifierAfter, resolveOptions, type DiagnosticFix } from '../engine';
import { lowerBound } from '../engine/bisect';

export const FIX_ALL_KIND = 'source.fixAll.gongwen';

export function registerCodeActions(core: Core): void {
  const { connection } = core;
  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const doc = core.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];
    const suppress: CodeAction[] = [];
    const gongwenDiagnostics = params.context.diagnostics.filter((d) => isOurs(core, d));
    const linted = wants(CodeActionKind.QuickFix) && gongwenDiagnostics.length ? core.lintedOf(doc) : undefined;
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of gongwenDiagnostics) {
        const fixes = linted ? core.fixesFor(linted, d) : [];
        for (const f of fixes) {
          actions.push({
            title: f.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: f.isPreferred,
            edit: { changes: { [uri]: f.edits as TextEdit[] } },
          });
        }
        if (PLACEHOLDER_RULES.includes(String(d.code))) actions.push(...placeholderActions(core, doc, d));
      }
    }
    if (wants(CodeActionKind.QuickFix)) {
      // last in the menu: silence the rule here, or for the workspace
      for (const d of params.context.diagnostics) {
        if (isOurs(core, d) && typeof d.code === 'string' && d.code.includes('/')) suppress.push(...suppressActions(doc, d));
      }
    }
    if (linted && gongwenDiagnostics.some((d) => /^(phrasing|typo)\//.test(String(d.code)))) {
      const edits = firstSafeEdits(core.allFixes(linted, (code) => /^(phrasing|typo)\//.test(code)));
      if (edits.length > 1) {
        actions.push({ title: `修复本文档全部提法和错别字问题（${edits.length} 处）`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const entry = core.parsed.get(uri);
      if (entry && entry.stamp === core.stampOf(doc.uri) && entry.linted && core.lastSettings.get(uri)) {
        // asked for it by kind (on save, 修复全部 from the source action menu): the edit now; asked for
        // everything (the light bulb, as the cursor moves): only an offer, its edit worked out when chosen
        const explicit = !!only?.some((k) => k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(k + '.') || k === 'source');
        if (explicit || !core.canResolveEdits) {
          const action = fixAllAction(core, doc, entry);
          if (action) actions.push(action);
        } else if (entry.live && entry.live.diagnostics.length) {
          actions.push({ title: '修复全部可自动修复的问题', kind: FIX_ALL_KIND, data: { uri, stamp: entry.stamp } });
        }
      }
    }
    return [...actions, ...suppress];
  });

  connection.onCodeActionResolve((action) => {
    const data = action.data as { uri?: unknown; stamp?: unknown } | undefined;
    if (action.kind !== FIX_ALL_KIND || !data || typeof data.uri !== 'string') return action;
    const doc = core.documents.get(data.uri);
    const entry = doc && core.parsed.get(data.uri);
    // the document changed since the offer: the fixes of its text now
    if (!doc || !entry) return action;
    const current = entry.stamp === core.stampOf(doc.uri) ? entry : core.lintedOf(doc);
    const resolved = current && fixAllAction(core, doc, current);
    return resolved ? { ...action, title: resolved.title, edit: resolved.edit } : action;
  });
}

/**
 * 修复全部可自动修复的问题: every safe fix, repeated until stable (a renumbering may follow a punctuation
 * fix), as small edits (one per changed line), tied to the document version they were made for where
 * the client takes versioned edits (an edit for an older text is then refused, not misapplied).
 */
function fixAllAction(core: Core, doc: TextDocument, entry: Parsed): CodeAction | undefined {
  const settings = core.lastSettings.get(doc.uri);
  if (!settings) return undefined;
  const text = doc.getText();
  const { output, applied } = fixText(text, resolveOptions(settings.lint), core.languageOf(doc));
  const edits: TextEdit[] = minimalEdits(text, output).map((e) => ({ range: entry.doc.lines.range(e.start, e.end), newText: e.newText }));
  if (!edits.length) return undefined;
  const edit = core.canVersionEdits ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };
  return { title: `修复全部可自动修复的问题（${applied} 处）`, kind: FIX_ALL_KIND, edit };
}

/** A diagnostic of ours, as the client sends it back (a compact one may come back without its source). */
function isOurs(core: Core, d: LspDiagnostic): boolean {
  return d.source === 'gongwen' || (core.compactDiagnostics && d.source === undefined && typeof d.code === 'string' && d.code.includes('/'));
}

/** 忽略此处 (a comment above the line) and 在本工作区关闭 (a setting, through the client). */
function suppressActions(doc: TextDocument, d: LspDiagnostic): CodeAction[] {
  const code = String(d.code);
  const line = d.range.start.line;
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  // the check's own name in the title (忽略此处的错别字检查), the rule id only where the name is unknown
  const name = getRule(code)?.meta.name ?? code;
  return [
    {
      title: `忽略此处的${name}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: disableNextLineComment(code) + eol }] } },
    },
    { title: `在本工作区关闭${name}（${code}）`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: '关闭规则', command: 'gongwen.disableRule', arguments: [code] } },
  ];
}

/** 填写… for one placeholder, and 全部填写 for a placeholder that qualifies a name (XX镇). */
function placeholderActions(core: Core, doc: TextDocument, d: LspDiagnostic): CodeAction[] {
  const entry = core.parsedOf(doc);
  const start = entry.doc.lines.offsetAt(d.range.start);
  const end = entry.doc.lines.offsetAt(d.range.end);
  const placeholder = entry.doc.text.slice(start, end);
  const actions: CodeAction[] = [
    { title: `填写“${placeholder}”…`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: '填写占位符', command: 'gongwen.fillPlaceholder', arguments: [doc.uri, d.range] } },
  ];
  const qualifier = qualifierAfter(entry.doc, end);
  if (qualifier) {
    const count = fillAllEdits(entry.doc, placeholder, qualifier, '').length;
    if (count > 1) {
      actions.push({
        title: `全部填写“${placeholder}${qualifier}”（${count} 处）…`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: '全部填写', command: 'gongwen.fillAll', arguments: [doc.uri, placeholder, qualifier] },
      });
    }
  }
  return actions;
}

/** The first safe fix of each finding, skipping fixes that overlap one already taken. */
function firstSafeEdits(fixes: DiagnosticFix[][]): TextEdit[] {
  const kept: TextEdit[] = [];
  // the kept edits' spans, in order (fixes come in document order: a new span is mostly appended)
  const starts: number[] = [];
  const ends: number[] = [];
  const key = (p: { line: number; character: number }) => p.line * 1e7 + p.character;
  const free = (s: number, e: number) => {
    // the last kept span that starts before e must end at or before s
    const lo = lowerBound(starts, e);
    return lo === 0 || ends[lo - 1] <= s;
  };
  const keep = (s: number, e: number) => {
    let at = starts.length;
    while (at > 0 && starts[at - 1] > s) at--;
    starts.splice(at, 0, s);
    ends.splice(at, 0, e);
  };
  for (const list of fixes) {
    const f = list.find((x) => x.safe);
    if (!f) continue;
    const spans = (f.edits as TextEdit[]).map((e) => [key(e.range.start), key(e.range.end)] as const);
    if (!spans.every(([s, e]) => free(s, e))) continue;
    for (const [s, e] of spans) keep(s, e);
    kept.push(...(f.edits as TextEdit[]));
  }
  return kept;
}

