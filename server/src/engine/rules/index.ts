/** The registry: every rule, listed once. */
import type { Rule } from '../types';
import { placeholderLatinX } from './placeholder-latin-x';
import { placeholderSymbol } from './placeholder-symbol';
import { placeholderMoumou } from './placeholder-moumou';
import { placeholderBracket } from './placeholder-bracket';
import { placeholderPending } from './placeholder-pending';
import { placeholderBlank } from './placeholder-blank';
import { placeholderResidue } from './placeholder-residue';
import { placeholderMissingNumber } from './placeholder-missing-number';
import { numberingPunctuation } from './numbering-punctuation';
import { numberingSequence } from './numbering-sequence';
import { numberingHierarchy } from './numbering-hierarchy';
import { numberingEnumeration } from './numbering-enumeration';
import { phrasingPolitical } from './phrasing-political';
import { phrasingFormulationVariant } from './phrasing-formulation-variant';
import { phrasingLeaderTitle } from './phrasing-leader-title';
import { phrasingOutdated } from './phrasing-outdated';
import { phrasingColloquial } from './phrasing-colloquial';
import { typoFixedPhrase } from './typo-fixed-phrase';
import { typoHomophone } from './typo-homophone';
import { consistencyTimeSpan } from './consistency-time-span';
import { consistencyPunctuationWidth } from './consistency-punctuation-width';
import { consistencyDuplicateItem } from './consistency-duplicate-item';
import { consistencyRepeatedChar } from './consistency-repeated-char';
import { consistencyLength } from './consistency-length';
import { numberingCountClaim } from './numbering-count-claim';
import { consistencyHeadingPunctuation } from './consistency-heading-punctuation';
import { consistencyNumberUsage } from './consistency-number-usage';
import { consistencyRequiredSections } from './consistency-required-sections';

export const rules: readonly Rule[] = [
  placeholderLatinX,
  placeholderSymbol,
  placeholderMoumou,
  placeholderBracket,
  placeholderPending,
  placeholderBlank,
  placeholderResidue,
  placeholderMissingNumber,
  numberingPunctuation,
  numberingSequence,
  numberingHierarchy,
  numberingEnumeration,
  numberingCountClaim,
  phrasingPolitical,
  phrasingFormulationVariant,
  phrasingLeaderTitle,
  phrasingOutdated,
  phrasingColloquial,
  typoFixedPhrase,
  typoHomophone,
  consistencyTimeSpan,
  consistencyPunctuationWidth,
  consistencyDuplicateItem,
  consistencyRepeatedChar,
  consistencyLength,
  consistencyHeadingPunctuation,
  consistencyNumberUsage,
  consistencyRequiredSections,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
