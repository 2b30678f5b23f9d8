/**
 * Lints large documents off the main thread, so that the server keeps answering (symbols, code actions,
 * other documents) while a multi-megabyte report is being checked.
 */
import { parentPort } from 'worker_threads';
import { findings, parse, resolveOptions, toDiagnostic, type Diagnostic, type DocumentLanguage, type LintOptions, type MessageLocale } from './engine';

export interface LintJob {
  id: number;
  text: string;
  language: DocumentLanguage;
  options: LintOptions;
  locale: MessageLocale;
}

export interface LintResult {
  id: number;
  diagnostics?: Diagnostic[];
  characters?: number;
  error?: string;
}

parentPort?.on('message', (job: LintJob) => {
  try {
    const doc = parse(job.text, job.language);
    const diagnostics = findings(doc, resolveOptions(job.options)).map((f) => toDiagnostic(doc, f, job.locale));
    parentPort!.postMessage({ id: job.id, diagnostics } satisfies LintResult);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies LintResult);
  }
});
