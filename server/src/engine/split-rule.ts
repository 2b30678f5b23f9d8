import type { Rule, RuleCheck, RuleMeta } from './types';

/** A rule whose findings are those of a line-local part and a document-wide part (see Rule.parts). */
export function splitRule(meta: RuleMeta, line: RuleCheck, rest: RuleCheck): Rule {
  return {
    meta,
    parts: { line, rest },
    // stable: at equal offsets the line part's findings come first
    check: (doc, ctx) => [...line(doc, ctx), ...rest(doc, ctx)].sort((a, b) => a.start - b.start),
  };
}
