/**
 * Completion of standard formulations: typing 习近平, 中央八项 or 两个 offers the full standard phrase,
 * taken from the catalogue's standard forms and fixed-order sets, with what it means.
 */
import { BUILTIN_ENTRIES, ORDERED_SETS, rightForms } from './phrases';

export interface Formulation {
  text: string;
  detail: string;
  /** Higher comes first. */
  rank: number;
}

const CORE: Formulation[] = [
  { text: '以习近平同志为核心的党中央', detail: '固定表述', rank: 100 },
  { text: '习近平新时代中国特色社会主义思想', detail: '党的指导思想的全称', rank: 99 },
  { text: '习近平总书记重要讲话和重要指示批示精神', detail: '现行表述', rank: 95 },
  { text: '习近平总书记重要讲话精神', detail: '规范表述', rank: 90 },
  { text: '习近平经济思想', detail: '正式名称', rank: 60 },
  { text: '习近平法治思想', detail: '正式名称', rank: 60 },
  { text: '习近平生态文明思想', detail: '正式名称', rank: 60 },
  { text: '习近平强军思想', detail: '正式名称', rank: 55 },
  { text: '习近平外交思想', detail: '正式名称', rank: 55 },
  { text: '习近平文化思想', detail: '正式名称', rank: 55 },
  { text: '中央八项规定及其实施细则精神', detail: '“遵守”“落实”的规范对象', rank: 95 },
  { text: '中央八项规定精神', detail: '规范表述', rank: 94 },
  { text: '两个确立', detail: '确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位', rank: 96 },
  { text: '两个维护', detail: '坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导', rank: 95 },
  { text: '两个结合', detail: '把马克思主义基本原理同中国具体实际相结合、同中华优秀传统文化相结合', rank: 80 },
  { text: '两个责任', detail: '党委主体责任和纪委监督责任', rank: 70 },
  { text: '四个意识', detail: '政治意识、大局意识、核心意识、看齐意识', rank: 92 },
  { text: '四个自信', detail: '道路自信、理论自信、制度自信、文化自信', rank: 91 },
  { text: '党的二十大和二十届历次全会精神', detail: '现行表述', rank: 90 },
  { text: '全面从严治党主体责任', detail: '规范表述', rank: 80 },
  { text: '一岗双责', detail: '一个岗位，业务工作和党风廉政建设两种责任', rank: 75 },
  { text: '全过程人民民主', detail: '规范表述', rank: 70 },
];

let cache: Formulation[] | undefined;

/** Every standard formulation, ranked; built once. */
export function formulations(): Formulation[] {
  if (cache) return cache;
  const seen = new Map<string, Formulation>();
  const add = (f: Formulation) => {
    const old = seen.get(f.text);
    if (!old || old.rank < f.rank) seen.set(f.text, f);
  };
  CORE.forEach(add);
  for (const set of ORDERED_SETS) add({ text: set.members.join('、'), detail: set.reason, rank: 70 });
  for (const e of BUILTIN_ENTRIES) {
    if (e.category !== 'phrasing/political' || e.fromYear) continue;
    for (const r of rightForms(e)) if (r.length >= 4) add({ text: r, detail: e.reason, rank: 50 });
  }
  cache = [...seen.values()].sort((a, b) => b.rank - a.rank || a.text.length - b.text.length);
  return cache;
}

export interface CompletionMatch {
  formulation: Formulation;
  /** How many characters before the cursor the completion replaces. */
  replace: number;
}

/** Standard formulations that continue what was typed: some ending of `before` (≥ 2 characters) starts one. */
export function completeFormulation(before: string, limit = 20): CompletionMatch[] {
  const out: CompletionMatch[] = [];
  const tail = before.slice(-24);
  for (const f of formulations()) {
    for (let n = Math.min(tail.length, f.text.length - 1); n >= 2; n--) {
      if (f.text.startsWith(tail.slice(tail.length - n))) {
        out.push({ formulation: f, replace: n });
        break;
      }
    }
  }
  // the longest typed match first, then the rank
  out.sort((a, b) => b.replace - a.replace || b.formulation.rank - a.formulation.rank);
  return out.slice(0, limit);
}
