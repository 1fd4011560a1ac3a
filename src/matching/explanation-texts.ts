import { Language } from '../access/actor';
import { FactorKey, FACTORS } from './match-factors';

/** What the sentences of an explanation are made from: the need's side, and the facts measured for one pair. */
export interface ExplainedNeed {
  countryName: string;
  countryNameZh: string;
  region: string;
  technologyCategories: string[];
  cooperationModes: string[];
  budgetMax: number | null;
  financier: string | null;
  financingInstrument: string | null;
}

export interface ExplainedFacts {
  values: Record<FactorKey, number>;
  otherTrades: number;
  projects: number;
  inCountry: number;
  latestInCountry: number;
  inRegion: number;
  inSector: number;
  offered: string[];
  declared: string[];
  comparable: number;
  similar: number;
  nearestGap: number;
  nearInTime: number;
  /** How much of the need's words this record covers, and the best candidate's (Built.coverageOf). */
  coverage: number;
  fieldCoverage: number;
  groupInCountry: number;
  sameFinancier: number;
  sameInstrument: number;
}

/** What makes a field of candidates weak: nobody with a project of the need's kind, or words barely covered by anyone. */
export interface WeakField {
  /** Whether any candidate has a reference project in the need's sector or technologies (false when the need names none). */
  anyOfItsKind: boolean;
  /** The best text factor among the candidates, 0–1. */
  bestText: number;
}

/** Why a reference project is cited, before it is put in words. */
export interface CitationFacts {
  sameCountry: boolean;
  sameRegion: boolean;
  /** Similarity of its text to the need, 0–1; 0 when the need's searches did not find it. */
  similarWork: number;
  sameSector: boolean;
  /** Its year, when within three years of the need. */
  recentYear: number | null;
}

/**
 * Whether a project has a reason to be cited: `citation` says something of it, in every language, exactly when one of
 * these holds (citeEvidence puts only the cited projects into words; a test holds the two together).
 */
export const hasReason = (c: CitationFacts): boolean =>
  c.sameCountry || c.sameRegion || c.similarWork > 0 || c.sameSector || c.recentYear !== null;

/** The words of an explanation in one language. Numbers, codes and names are the same in every language. */
export interface ExplanationTexts {
  labels: Record<FactorKey, string>;
  details(need: ExplainedNeed, m: ExplainedFacts): Record<FactorKey, string>;
  tradeFit(m: ExplainedFacts): string;
  /** Why every contribution of a weak field is scaled down. */
  fieldStrength(m: ExplainedFacts): string;
  /** `reasons`: the top factors as [label, detail]; `scales`: the trade fit and the field strength, when below 1. */
  summary(
    rank: number,
    total: number,
    score: number,
    reasons: Array<[string, string]>,
    scales: Array<{ value: number; detail: string }>,
    note?: string,
  ): string;
  groupNote(leadName: string, group: string): string;
  /** Said of every candidate when the field is weak: no candidate has done this kind of work. */
  weakField(field: WeakField): string;
  citation(need: ExplainedNeed, c: CitationFacts): string[];
}

/** Financing instruments in words (the enum's values; src/reference-data/financing-instrument.ts). */
const INSTRUMENT_EN: Record<string, string> = {
  PREFERENTIAL_BUYERS_CREDIT: "preferential buyer's credit",
  GOVERNMENT_CONCESSIONAL_LOAN: 'government concessional loan',
  INTEREST_FREE_LOAN: 'interest-free loan',
  GRANT: 'grant',
  EXPORT_BUYERS_CREDIT: "export buyer's credit",
  SUPPLIERS_CREDIT: "supplier's credit",
  COMMERCIAL_LOAN: 'commercial loan',
  LOAN: 'loan',
  OTHER: 'other',
};
const INSTRUMENT_ZH: Record<string, string> = {
  PREFERENTIAL_BUYERS_CREDIT: '优惠出口买方信贷',
  GOVERNMENT_CONCESSIONAL_LOAN: '政府优惠贷款',
  INTEREST_FREE_LOAN: '无息贷款',
  GRANT: '无偿援助',
  EXPORT_BUYERS_CREDIT: '出口买方信贷',
  SUPPLIERS_CREDIT: '卖方信贷',
  COMMERCIAL_LOAN: '商业贷款',
  LOAN: '贷款',
  OTHER: '其他',
};

/** The field strength at which scores keep their full value (STRONG_FIELD in match-scoring.ts, which imports this file). */
export const STRONG_FIELD_SHARE = 0.2;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (x: number) => Math.round(x * 100);

const EN: ExplanationTexts = {
  labels: FACTORS,

  details: (need, m) => ({
    text: `${percent(m.values.text)}% of the best track-record match among the candidates (it covers ${percent(m.coverage)}% of the need's words, the best ${percent(m.fieldCoverage)}%)`,
    similarProjects: m.similar ? `${plural(m.similar, 'project')} found by the need's searches` : 'no project found by the need’s searches',
    countryExperience: m.inCountry ? `${plural(m.inCountry, 'project')} in ${need.countryName}` : `no project in ${need.countryName}`,
    countryRecency:
      m.values.countryRecency > 0
        ? `latest in ${need.countryName}: ${m.latestInCountry || 'year unknown'}`
        : `no dated project in ${need.countryName}`,
    regionExperience: `${plural(m.inRegion, 'project')} elsewhere in ${need.region}`,
    sectorFit: `${m.inSector} of ${m.projects} projects in the need's sector or technologies`,
    capabilityFit: m.declared.length
      ? `declares ${m.declared.length} of the need's ${need.technologyCategories.length} technologies (${m.declared.join(', ')})`
      : 'declares none of the need’s technologies',
    cooperationFit: need.cooperationModes.length
      ? `offers ${m.offered.length} of ${need.cooperationModes.length} wanted modes${m.offered.length ? ` (${m.offered.join(', ')})` : ''}`
      : 'the need names no cooperation mode',
    budgetFit: need.budgetMax ? `${plural(m.comparable, 'project')} of comparable value` : 'the need gives no budget',
    recency: Number.isFinite(m.nearestGap) ? `nearest project ${plural(m.nearestGap, 'year')} from the need` : 'no dated project',
    trackRecord: `${plural(m.projects, 'reference project')}`,
    countryActivity: `${plural(m.nearInTime, 'project')} in ${need.countryName} within three years of the need`,
    groupInCountry: `${plural(m.groupInCountry, 'project')} of its group's other members in ${need.countryName}`,
    financierInCountry: need.financier
      ? `${plural(m.sameFinancier, 'project')} in ${need.countryName} financed by ${need.financier}`
      : 'the need names no financier',
    instrumentFit: need.financingInstrument
      ? `${m.sameInstrument} of ${plural(m.projects, 'project')} financed the same way (${INSTRUMENT_EN[need.financingInstrument] ?? need.financingInstrument})`
      : 'the need names no financing instrument',
  }),
  tradeFit: (m) =>
    m.otherTrades
      ? `${m.otherTrades} of ${plural(m.projects, 'project')} in trades that build nothing (telecommunications, finance, aid in goods)`
      : 'no project in trades that build nothing',
  fieldStrength: (m) =>
    m.fieldCoverage >= STRONG_FIELD_SHARE
      ? `the best candidate covers ${percent(m.fieldCoverage)}% of the need's words: a strong field`
      : `the best candidate covers only ${percent(m.fieldCoverage)}% of the need's words (a strong field covers ${percent(STRONG_FIELD_SHARE)}%)`,
  summary: (rank, total, score, reasons, scales, note) => {
    const why = reasons.map(([label, detail]) => `${label.toLowerCase()} (${detail})`).join('; ');
    const scale = scales.map((s) => `; all scaled by ${s.value.toFixed(2)}: ${s.detail}`).join('');
    return `Ranked ${rank} of ${total} with ${score.toFixed(3)}${why ? `: ${why}` : ''}${scale}${note ? `; ${note}` : ''}.`;
  },
  groupNote: (lead, group) => `listed after ${lead}, of the same group (${group})`,
  weakField: (f) =>
    `No candidate has done this kind of work: ${f.anyOfItsKind ? '' : 'none has a reference project in the need’s sector or technologies, and '}the closest track record covers ${percent(f.bestText)}% of the need's words`,
  citation: (need, c) => [
    ...(c.sameCountry ? [`same country (${need.countryName})`] : c.sameRegion ? [`same region (${need.region})`] : []),
    ...(c.similarWork > 0 ? [`similar work (match ${percent(c.similarWork)}%)`] : []),
    ...(c.sameSector ? ['same sector or technology'] : []),
    ...(c.recentYear !== null ? [`recent (${c.recentYear})`] : []),
  ],
};

/** The regions of the country list (src/reference-data/data/countries.json), in Chinese. */
const REGION_ZH: Record<string, string> = {
  Africa: '非洲',
  Americas: '美洲',
  Asia: '亚洲',
  Europe: '欧洲',
  Oceania: '大洋洲',
  Antarctica: '南极洲',
};
const regionZh = (region: string) => REGION_ZH[region] ?? region;

const ZH: ExplanationTexts = {
  labels: {
    text: '业绩记录与需求用词相符',
    similarProjects: '有参考项目与需求高度相似',
    countryExperience: '在需求所在国有项目',
    countryRecency: '近期在需求所在国有工作',
    regionExperience: '在同一地区的其他国家有项目',
    sectorFit: '业绩记录中属于需求行业和技术的比例',
    capabilityFit: '申报了需求所需技术的能力',
    cooperationFit: '提供需求所要的合作方式',
    budgetFit: '完成过与预算规模相当的项目',
    recency: '在需求前后时期活跃',
    trackRecord: '业绩记录的规模',
    countryActivity: '需求前后三年内在需求所在国有项目',
    groupInCountry: '同集团其他成员在需求所在国有项目',
    financierInCountry: '在需求所在国有同一融资方的项目',
    instrumentFit: '采用相同融资方式的项目比例',
  },
  details: (need, m) => ({
    text: `达到候选企业中最佳业绩匹配的 ${percent(m.values.text)}%（覆盖需求用词的 ${percent(m.coverage)}%，最佳者 ${percent(m.fieldCoverage)}%）`,
    similarProjects: m.similar ? `需求检索找到其 ${m.similar} 个项目` : '需求检索未找到其项目',
    countryExperience: m.inCountry ? `在${need.countryNameZh}有 ${m.inCountry} 个项目` : `在${need.countryNameZh}没有项目`,
    countryRecency:
      m.values.countryRecency > 0
        ? `在${need.countryNameZh}最近的项目：${m.latestInCountry || '年份不详'}`
        : `在${need.countryNameZh}没有注明年份的项目`,
    regionExperience: `在${regionZh(need.region)}其他国家有 ${m.inRegion} 个项目`,
    sectorFit: `${m.projects} 个项目中有 ${m.inSector} 个属于需求的行业或技术`,
    capabilityFit: m.declared.length
      ? `申报了需求 ${need.technologyCategories.length} 项技术中的 ${m.declared.length} 项（${m.declared.join('、')}）`
      : '未申报需求所需的技术',
    cooperationFit: need.cooperationModes.length
      ? `提供所要 ${need.cooperationModes.length} 种合作方式中的 ${m.offered.length} 种${m.offered.length ? `（${m.offered.join('、')}）` : ''}`
      : '需求未指明合作方式',
    budgetFit: need.budgetMax ? `${m.comparable} 个项目规模相当` : '需求未给出预算',
    recency: Number.isFinite(m.nearestGap) ? `最近的项目与需求相隔 ${m.nearestGap} 年` : '没有注明年份的项目',
    trackRecord: `${m.projects} 个参考项目`,
    countryActivity: `在${need.countryNameZh}有 ${m.nearInTime} 个项目与需求相隔不超过三年`,
    groupInCountry: `同集团其他成员在${need.countryNameZh}有 ${m.groupInCountry} 个项目`,
    financierInCountry: need.financier
      ? `在${need.countryNameZh}有 ${m.sameFinancier} 个项目由 ${need.financier} 融资`
      : '需求未指明融资方',
    instrumentFit: need.financingInstrument
      ? `${m.projects} 个项目中有 ${m.sameInstrument} 个采用相同融资方式（${INSTRUMENT_ZH[need.financingInstrument] ?? need.financingInstrument}）`
      : '需求未指明融资方式',
  }),
  tradeFit: (m) =>
    m.otherTrades
      ? `${m.projects} 个项目中有 ${m.otherTrades} 个属于不从事工程建设的行业（电信、金融、实物援助）`
      : '没有不从事工程建设行业的项目',
  fieldStrength: (m) =>
    m.fieldCoverage >= STRONG_FIELD_SHARE
      ? `最佳候选覆盖需求用词的 ${percent(m.fieldCoverage)}%：候选实力较强`
      : `最佳候选仅覆盖需求用词的 ${percent(m.fieldCoverage)}%（实力较强的候选可覆盖 ${percent(STRONG_FIELD_SHARE)}%）`,
  summary: (rank, total, score, reasons, scales, note) => {
    const why = reasons.map(([label, detail]) => `${label}（${detail}）`).join('；');
    const scale = scales.map((s) => `；各项均乘以 ${s.value.toFixed(2)}：${s.detail}`).join('');
    return `在 ${total} 个候选中排名第 ${rank}，得分 ${score.toFixed(3)}${why ? `：${why}` : ''}${scale}${note ? `；${note}` : ''}。`;
  },
  groupNote: (lead, group) => `排在同一集团（${group}）的 ${lead} 之后`,
  weakField: (f) =>
    `没有候选企业做过此类工作：${f.anyOfItsKind ? '' : '没有一家在需求的行业或技术领域有参考项目，且'}最接近的业绩记录仅覆盖需求用词的 ${percent(f.bestText)}%`,
  citation: (need, c) => [
    ...(c.sameCountry ? [`同一国家（${need.countryNameZh}）`] : c.sameRegion ? [`同一地区（${regionZh(need.region)}）`] : []),
    ...(c.similarWork > 0 ? [`工作相似（匹配度 ${percent(c.similarWork)}%）`] : []),
    ...(c.sameSector ? ['同一行业或技术'] : []),
    ...(c.recentYear !== null ? [`近期（${c.recentYear}）`] : []),
  ],
};

export const EXPLANATION_TEXTS: Record<Language, ExplanationTexts> = { [Language.EN]: EN, [Language.ZH]: ZH };
