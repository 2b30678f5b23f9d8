/** The registry: every rule, listed once. */
import type { Rule } from '../types';
import { placeholderLatinX } from './placeholder-latin-x';
import { placeholderSymbol } from './placeholder-symbol';
import { placeholderMoumou } from './placeholder-moumou';
import { placeholderBracket } from './placeholder-bracket';
import { placeholderPending } from './placeholder-pending';
import { placeholderBlank } from './placeholder-blank';
import { placeholderResidue } from './placeholder-residue';

export const rules: readonly Rule[] = [
  placeholderLatinX,
  placeholderSymbol,
  placeholderMoumou,
  placeholderBracket,
  placeholderPending,
  placeholderBlank,
  placeholderResidue,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
