/**
 * The shapes the engine returns. They match the Language Server Protocol's JSON so the server passes
 * them through unchanged, but they are declared here so the engine depends on nothing.
 */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export const enum DiagnosticSeverity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}
export interface LspTextEdit {
  range: Range;
  newText: string;
}
export interface DiagnosticFix {
  title: string;
  edits: LspTextEdit[];
  isPreferred?: boolean;
  safe?: boolean;
}
export interface Diagnostic {
  range: Range;
  severity: DiagnosticSeverity;
  code: string;
  codeDescription: { href: string };
  source: 'gongwen';
  message: string;
  data?: { fixes?: DiagnosticFix[]; [key: string]: unknown };
}
export const enum SymbolKind {
  File = 1,
  Module = 2,
  Namespace = 3,
  Class = 5,
  Method = 6,
  Field = 8,
  String = 15,
}
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'region';
}
