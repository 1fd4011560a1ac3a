/**
 * Rewrites a GCDF finance record ("China Eximbank provides $171 million buyer's credit loan for Bosto Dam Water Supply
 * Project (Linked to Project ID#…)") as the need an agency would post ("Construction of the Bosto Dam water supply …"),
 * by rule: the title drops the lender as subject, the amount and the loan terms (they live in the need's budget,
 * funding status and financier fields) and every cross-reference to other records; the description opens with what is
 * needed and its quantities, names the financier, and keeps the record's own text (its facts) below, cleaned of
 * cross-references.
 *
 * Shared by the demo-seed derivation and the GCDF importer so both word a record the same way. Pure and deterministic.
 * The classification (sector, categories, budget, funding status) still reads the record's original text.
 */

import { FinancingInstrument } from '../../reference-data/financing-instrument';
import { clean } from './water-classifier';

/** What a record becomes on the platform. */
export interface NeedWording {
  title: string;
  description: string;
  /** The financier the record names (canonical name), or null when it names none or an undisclosed company. */
  financier: string | null;
  /** The financing instrument the record names, or null. */
  instrument: FinancingInstrument | null;
}

// ---------------------------------------------------------------- financiers

/** The name of the state's own financing (grants and interest-free loans through MOFCOM, the embassies' aid). */
const GOVERNMENT_OF_CHINA = 'Government of China';

/**
 * Known financiers, first match wins (the more specific spellings first), with the name shown on the platform.
 * GCDF writes "China" and "Chinese Government" for the state's own grants and interest-free loans.
 */
export const FINANCIERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bChina Co-Financing Fund\b|\bCHC\b/i, 'China Co-Financing Fund for Latin America and the Caribbean'],
  [/\bAfrica Growing Together Fund\b|\bAGTF\b/i, 'Africa Growing Together Fund'],
  [/\bChina[- ]Lesotho (?:People to People )?Friendship (?:Action )?Fund\b/i, 'China-Lesotho Friendship Fund'],
  [/\bChina Eximbank\b|\bExport-Import Bank of China\b|\bChina Exim Bank\b/i, 'Export-Import Bank of China'],
  [/\bChina Development Bank\b/i, 'China Development Bank'],
  [/\bCDB\b/, 'China Development Bank'],
  [/\bICBC\b|\bIndustrial and Commercial Bank of China\b/, 'Industrial and Commercial Bank of China'],
  [/(?<!(?:Import|People's|People’s) )\bBank of China\b/, 'Bank of China'],
  [/\bChina Merchants Charitable Foundation\b/i, 'China Merchants Charitable Foundation'],
  [/\bDongguan (?:Municipal Government|City)\b/i, 'Dongguan Municipal Government'],
  [/\bZijin Mining\b/i, 'Zijin Mining Group'],
  [/\bChina Geo-Engineering Corp/i, 'China Geo-Engineering Corporation'],
  [/\bPower ?China\b/i, 'Power Construction Corporation of China (PowerChina)'],
  [/\bCNOOC\b/, 'China National Offshore Oil Corporation (CNOOC)'],
  [/\bMOFCOM\b|\bMinistry of Commerce\b/, 'Ministry of Commerce of China (MOFCOM)'],
  [/\bChinese Consulate\b|\bConsulate General of China\b/i, 'Consulate General of China'],
  [/\bChinese Embassy\b|\bEmbassy of China\b/i, 'Embassy of China'],
  [/\bChinese Government\b|\bGovernment of China\b|\bChina\b|\bChinese\b/i, GOVERNMENT_OF_CHINA],
];

/** The first known financier named in `text`. */
export function financierIn(text: string): string | null {
  for (const [re, name] of FINANCIERS) if (re.test(text)) return name;
  return null;
}

// ---------------------------------------------------------------- instruments

const APOS = `['’]?s?['’]?`;
/** Commercial banks that lend on commercial terms; a plain "loan" they give is a commercial loan (CDB and Eximbank are policy banks). */
const COMMERCIAL_LENDER = String.raw`(?:ICBC|Industrial and Commercial Bank of China|(?<!Import )Bank of China|China Construction Bank|Agricultural Bank of China|Bank of Communications|China Minsheng|China CITIC Bank|China Everbright Bank|China Merchants Bank|Bank of Shanghai|Ping An Bank|Industrial Bank|Hua ?Xia Bank|Bank of Beijing)`;

/**
 * Phrases naming an instrument, the most specific first: at the same place in a text the first entry wins ("preferential
 * buyer's credit" before "buyer's credit", "government concessional loan" before "loan"). Counts of the gcdf-water
 * extract are in docs/DATA.md.
 */
export const INSTRUMENTS: ReadonlyArray<readonly [RegExp, FinancingInstrument]> = [
  [new RegExp(String.raw`\bpreferential (?:export )?buyer${APOS} credit|\bPBC\b`, 'i'), FinancingInstrument.PREFERENTIAL_BUYERS_CREDIT],
  [
    /\bgovernment concessional loan|\bGCL\b|\bconcessional (?:loan|credit)|\bpreferential (?:loan|credit)\b/i,
    FinancingInstrument.GOVERNMENT_CONCESSIONAL_LOAN,
  ],
  [/\binterest[- ]free\b|\bzero[- ]interest\b|\bno[- ]interest loan/i, FinancingInstrument.INTEREST_FREE_LOAN],
  [new RegExp(String.raw`\b(?:export )?buyer${APOS} credit`, 'i'), FinancingInstrument.EXPORT_BUYERS_CREDIT],
  [new RegExp(String.raw`\b(?:supplier|seller)${APOS} credit|\bdeferred payment`, 'i'), FinancingInstrument.SUPPLIERS_CREDIT],
  [
    new RegExp(
      String.raw`\bcommercial (?:bank )?(?:loan|credit|terms)|\bsyndicated (?!buyer)(?:[\w-]+ ){0,2}?(?:loan|facility|financing)|\b(?:term|bridge|working capital|overseas investment|revolving) (?:loan|credit|facility)|\bpre-export financ|\bLIBOR\b|^(?:\[[^\]]*\]\s*)?${COMMERCIAL_LENDER}\b(?!.{0,200}\bcredit)(?=.{0,200}?\bloan)`,
      'i',
    ),
    FinancingInstrument.COMMERCIAL_LOAN,
  ],
  [
    /\bgrant\b|\bgrants (?:for|to|of|worth)\b|\bgrant aid\b|\bdonat(?:e|es|ed|ing|ions?)\b|\bgratis\b|\bfree of charge\b|\bin-kind\b|\bhumanitarian (?:aid|assistance)|^(?:\[[^\]]*\]\s*)?(?:China|Chinese (?:Government|Embassy)) (?:aids|grants)\b|\b(?:provides?|provided|gives?|gave) (?:emergency |food |material )?aid\b/i,
    FinancingInstrument.GRANT,
  ],
  [/\bequity (?:investment|stake|financing)|\bcurrency swap/i, FinancingInstrument.OTHER],
];

/** A loan or credit line whose terms the text does not name: looked for only when no instrument above is. */
const ANY_LOAN_RE = /\bloans?\b|\bline of credit\b|\bcredit (?:line|facility)\b|\bdebt financing\b/i;

/** The instrument a text names first (position in the text, then specificity), or LOAN for an unqualified loan; null if none. */
export function instrumentIn(text: string): FinancingInstrument | null {
  let best: { at: number; instrument: FinancingInstrument } | null = null;
  for (const [re, instrument] of INSTRUMENTS) {
    const at = re.exec(text)?.index;
    if (at !== undefined && (best === null || at < best.at)) best = { at, instrument };
  }
  if (best) return best.instrument;
  return ANY_LOAN_RE.test(text) ? FinancingInstrument.LOAN : null;
}

/** The instruments that are the terms of a loan: what a title's plain "loan" may take from the description. */
const LOAN_TERMS: readonly FinancingInstrument[] = [
  FinancingInstrument.PREFERENTIAL_BUYERS_CREDIT,
  FinancingInstrument.GOVERNMENT_CONCESSIONAL_LOAN,
  FinancingInstrument.INTEREST_FREE_LOAN,
  FinancingInstrument.EXPORT_BUYERS_CREDIT,
  FinancingInstrument.SUPPLIERS_CREDIT,
  FinancingInstrument.COMMERCIAL_LOAN,
];

/** Who finances a record and with what, read from its title and description: what the platform stores on needs and reference projects. */
export interface Financing {
  /** Canonical name (FINANCIERS), or null when the record names none or its subject is a company that is no known financier. */
  financier: string | null;
  instrument: FinancingInstrument | null;
}

/** A subject that is a company (masked "[a company]" in the benchmark needs, named in the track records). */
const COMPANY_SUBJECT_RE =
  /\[a company\]|^(?:State-owned )?Chinese Engineer|\b(?:Compan(?:y|ies)|Corp(?:oration)?|Group|Co\.|Ltd|Limited|Engineering|Construction|Road|Bridge|Harbour|Railway|Machinery|Industr(?:y|ies|ial)|International|Holdings?|Sinohydro|ZTE|Huawei|CNPC|Sinopec|Bureau)\b/i;

/**
 * The financier and instrument of a GCDF record. The title is read first, as its subject is the lender ("China Eximbank
 * provides $50 million concessional loan for ..."); the description only fills what the title leaves open. A title's
 * plain "loan" takes its terms from the description, but not a grant: descriptions also tell of other, linked records.
 */
export function financingOf(sourceTitle: string, sourceDescription: string | null | undefined): Financing {
  const original = clean(sourceDescription ?? '');
  const title = stripCrossReferences(sourceTitle);
  const subject = LENDER_VERB_RE.exec(title.replace(TAG_RE, ''))?.groups?.subject ?? '';
  const company = COMPANY_SUBJECT_RE.test(subject);
  const named = financierIn(subject);
  // A company as subject finances on its own account (or is undisclosed): only a financier named as such counts then.
  const financier = company
    ? named !== GOVERNMENT_OF_CHINA && !/\[a company\]|^(?:State-owned )?Chinese Engineer/i.test(subject)
      ? named
      : null
    : (named ?? financierIn(sourceTitle) ?? financierIn(original));
  const inTitle = instrumentIn(title);
  const inDescription = instrumentIn(stripCrossReferences(original));
  const instrument =
    inTitle === null
      ? inDescription
      : inTitle === FinancingInstrument.LOAN && inDescription !== null && LOAN_TERMS.includes(inDescription)
        ? inDescription
        : inTitle;
  return { financier, instrument };
}

// ---------------------------------------------------------------- cross-references

/** "(Linked to Project ID#55784)", "(linked to #1547)", "(Linked to Umbrella Project ID#36104)", "(see Project ID#…)", "(#56630)". */
const LINKED_PAREN_RE =
  /\s*\((?:(?:linked|see|as captured|captured|recorded)\b[^()]*|(?:umbrella )?project (?:ids? ?)?#\s?\d+[^()]*|#\s?\d+)\)/gi;
/** A sentence whose only point is to name another record ("The second project is captured in Project #56605."). */
const POINTER_SENTENCE_RE =
  /^(?:(?:for more information, )?see\b|this (?:project|grant|study|loan|etca|donation) is (?:linked|captured)|th(?:at|is) \w+ is captured|the (?:second|first|other) project is captured|phase \w+ of the project is (?:recorded|captured))[^.]*#\s?\d+/i;
/** "— via ETCA —", "-- via EPCF arrangement --": how the money flowed, not what is needed. */
const VIA_RE = /\s*(?:—|--|–)\s*via\b[^—–-]*?(?:—|--|–)\s*/gi;
/** AidData's bracketed programme tags at the start of a title: "[China Co-Financing Fund] ", "China Co-Financing Fund] ". */
const TAG_RE = /^(?!\[a company\])\[?[^\][]{3,60}\]\s*/;

/** Removes cross-references to other GCDF records from a text. */
export function stripCrossReferences(text: string): string {
  const t = clean(text).replace(LINKED_PAREN_RE, '');
  const sentences = t.split(/(?<=[.!?])\s+(?=[A-Z(])/);
  return sentences
    .filter((s) => !POINTER_SENTENCE_RE.test(s))
    .join(' ')
    .replace(/\s+([.,;])/g, '$1')
    .trim();
}

// ---------------------------------------------------------------- titles

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const CURRENCY_BEFORE = String.raw`(?:US\$|USD|RMB|EUR|€|F?CFA|MAD|MVR|IDR|TOP\s?\$?|MWK|NAD|PHP|Rs\.?|K|\$)`;
const CURRENCY_AFTER = String.raw`(?:USD|US dollars|RMB|EUR|euros?|Chinese Yuan|yuan|F?CFA(?: francs?)?|francs?|MVR|kina|rupees|NAD|TOP|MWK|kwacha|M)`;
const SCALE = String.raw`(?:\s?(?:million|billion|thousand))`;
/** An amount of money at the start of a phrase: "$171 million", "RMB 40.27 million", "7 billion FCFA", "CFA 34 billion franc". */
const MONEY_START_RE = new RegExp(
  String.raw`^(?:a |an )?(?:(?:total|grant|sum) of )?(?:${CURRENCY_BEFORE}\s?${NUMBER}${SCALE}?(?:\s?${CURRENCY_AFTER})?|${NUMBER}${SCALE}?\s?${CURRENCY_AFTER})\b\s*`,
  'i',
);
/** Loan and grant words that follow an amount: "government concessional loan", "preferential buyer's credit", "grant". */
const INSTRUMENT_START_RE =
  /^(?:franc\s)?(?:(?:government|preferential|concessional|interest-free|buyer['’]s|supplier['’]s|syndicated|overseas investment|cash|term|special)\s+)*(?:loan|grant|credit(?: loan)?|donation|funding|financing)(?: tranche)?\b(?:\s+of\b)?\s*/i;
/** Verbs GCDF titles use with the financier as subject. */
const LENDER_VERB_RE =
  /^(?<subject>.{2,120}?)\s+(?<verb>provides?|provided|grants|granted|issues|commits|loans|donates|donated|donation of|funds|funded|gives|contributes|signs|agrees to|helps|helped|assists|builds|built|constructs|constructed|launches|administers)\b\s*(?<rest>.*)$/i;
/** A subject that is a financier (or an undisclosed company), not the thing needed. */
const LENDER_SUBJECT_RE =
  /China|Chinese|Eximbank|\bCDB\b|\bICBC\b|Bank|Fund|Government|Embassy|Consulate|MOFCOM|\[a company\]|Compan|Corp|Group|Foundation|\bCity\b|CNOOC|IDB/i;

const ACTION_NOUNS =
  /\b(?:Construction|Rehabilitation|Reconstruction|Upgrad(?:e|ing)|Improvement|Modernization|Modernisation|Expansion|Extension|Drilling|Reform|Acquisition|Supply of|Provision|Development|Equipping|Cleaning|Dredging|Study|Training|Seminar|Purchase|Installation|Replacement|Renovation|Repair)\b/i;
const FACILITY_END =
  /\b(?:Plant|Dam|Station|System|Network|Basin|Tower|Reservoir|Scheme|Pipeline|Canal|Main|Works|Unit|Facilit(?:y|ies)|Centre|Center)s?$/i;
const PROJECT_END = /\s+(?:Project|Program(?:me)?|Sub-Programme)(?:\s+(?:I{1,3}|\d))?$/i;
/** "X Construction Project" -> "Construction of X". */
const TRAILING_ACTION_RE =
  /^(?<what>.+?)\s+(?<action>Construction|Rehabilitation|Reconstruction|Upgrading|Upgrade|Improvement|Modernization|Expansion|Renovation)(?:\s+(?:Project|Program(?:me)?))?$/i;
const WELL_DRILLING_RE =
  /^(?<pre>.*?)\b(?<thing>Deep Water Well|Water Well|Borehole|Well|Bore Hole)s?\s*(?:-\s*)?Drilling(?:\s+(?:Project|Program(?:me)?))?(?<post>.*)$/i;

const VERB_NOUNS: Readonly<Record<string, string>> = {
  build: 'Construction',
  construct: 'Construction',
  drill: 'Drilling',
  dig: 'Digging',
  install: 'Installation',
  rehabilitate: 'Rehabilitation',
  replace: 'Replacement',
  improve: 'Improvement',
};

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
/** Lower-cases a leading common word ("Water tanks" -> "water tanks"), never a name or an acronym ("MoU", "Water Supply Materials"). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]+\b/.test(s) && !/^[A-Z][a-z]+(?:[- ][A-Z])/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

const MONEY_AHEAD = String.raw`(?:(?:a |an )?(?:US\$|USD|RMB|EUR|€|F?CFA|MAD|MVR|IDR|TOP|MWK|NAD|PHP|\$)|${NUMBER}${SCALE}?\s?${CURRENCY_AFTER}\b|${NUMBER}${SCALE})`;

/** Strips amounts, instruments and "from China" / "to <amount>" links at the start of what follows the verb. */
function stripMoney(rest: string): string {
  let r = rest.trim();
  for (let i = 0; i < 6; i++) {
    const before = r;
    r = r
      .replace(/^(?:a|an)\s+(?=(?:grant|loan|donation)\b)/i, '')
      .replace(MONEY_START_RE, '')
      .replace(INSTRUMENT_START_RE, '')
      .replace(/^(?:worth\s+|from\s+)?(?:the\s+)?(?:Chinese Government|China|CHC)\b\s*/i, (m) => (/^(?:worth|from)\b/i.test(m) ? '' : m))
      .replace(new RegExp(String.raw`^(?:to|of|in|for|worth)\s+(?=${MONEY_AHEAD})`, 'i'), '');
    if (r === before) break;
  }
  return r.trim();
}

/** Removes "worth <amount>" from a list of goods (the amount is the need's budget). */
function withoutWorth(text: string): string {
  return text.replace(/\s+worth\b\s*(.*)$/i, (_m, after: string) => {
    const left = after.replace(MONEY_START_RE, '');
    return left ? ` ${left}` : '';
  });
}

/** Turns a named project ("Wad Medani Water Treatment Plant Project") into what is needed. */
function needOfProject(name: string, text: string): string {
  const n = name.trim().replace(/^the\s+/i, '');
  const phase = /^Phase\s+(\w+)\s+of\s+(?:the\s+)?(.+)$/i.exec(n);
  if (phase) return `${needOfProject(phase[2], text)} (phase ${phase[1].toUpperCase() === phase[1] ? phase[1] : phase[1].toLowerCase()})`;

  // "Chukurbulak Dam Construction Project on the Khorgos River": the named part, then where.
  const tail = /^(.+?\s(?:Project|Program(?:me)?))\s+((?:on|in|at)\s.+)$/i.exec(n);
  if (tail) return `${needOfProject(tail[1], text)} ${tail[2]}`;
  // "dump trucks for Rezaksaysky Reservoir Construction Project": goods for a named project.
  const goodsFor = /^(.+?)\s+for\s+(?:the\s+)?(.+\s(?:Project|Program(?:me)?))$/i.exec(n);
  if (goodsFor && /^[a-z]/.test(goodsFor[1]) && !ACTION_NOUNS.test(goodsFor[1]))
    return `Supply of ${lowerFirst(goodsFor[1])} for the ${lowerFirst(needOfProject(goodsFor[2], text))}`;

  const wells = WELL_DRILLING_RE.exec(n);
  if (wells?.groups) {
    const pre = wells.groups.pre.trim().replace(/^(?:the|for)\s+/i, '');
    const thing = `${wells.groups.thing.toLowerCase().replace('bore hole', 'borehole')}s`;
    const count = /^(\d[\d,]*)\s*$/.exec(pre);
    const post = wells.groups.post
      .replace(PROJECT_END, '')
      .replace(/\s+project\b(?=\s+(?:at|in|on|for)\b)/i, '')
      .trim();
    if (count) return `Drilling of ${count[1]} ${thing}${post ? ` ${post}` : ''}`;
    return `Drilling of ${thing}${pre ? ` in ${pre.replace(/\s+and$/i, '')}` : ''}${post ? ` ${post}` : ''}`;
  }

  const stripped = n.replace(PROJECT_END, '').trim();
  const trailing = TRAILING_ACTION_RE.exec(stripped);
  if (trailing?.groups) {
    const action = trailing.groups.action.replace(/^Upgrade$/i, 'Upgrading');
    return `${capitalise(action.toLowerCase())} of the ${trailing.groups.what}`;
  }
  if (ACTION_NOUNS.test(stripped)) return capitalise(stripped);
  if (FACILITY_END.test(stripped) && /\bconstruct|\bbuil[dt]\b/i.test(text)) return `Construction of the ${stripped}`;
  return capitalise(n);
}

/** What follows the verb, as the thing needed. */
function needOfObject(verb: string, rest: string, text: string): string {
  // "gives Sudan $14.6 million for …": the recipient before the amount.
  let r = stripMoney(rest.replace(/^[A-Z][a-z][\w'’ -]{0,40}?\s+(?=(?:US)?\$|€|(?:USD|RMB|EUR)\s?\d)/, ''));
  // "signs MoU with Sierra Leone for the Rokel River water supply project"
  const agreement = /^(?:an?\s+)?(?:MoU|memorandum of understanding|agreement|contract)\b.*?\bfor\s+(?:the\s+)?(.+)$/i.exec(r);
  if (agreement) return needOfProject(agreement[1], text);
  // "to Cambodia's Ministry … for unspecified purposes", "to Ghana for supply of …": the recipient posts the need.
  const recipient = /^to\s+(?:the\s+)?(?<who>.+?)\s+(?<link>for|to)\s+(?<what>.+)$/i.exec(r);
  const who = recipient?.groups && !/^(?:build|drill|dig|construct)\b/i.test(recipient.groups.who) ? recipient.groups.who : null;
  if (who) r = `${recipient!.groups!.link} ${recipient!.groups!.what}`;
  r = stripMoney(r);
  if (/^for\s+unspecified purposes?$/i.test(r) || r === '') return who ? `Support to ${who} (purpose unspecified)` : '';
  // "to support Grenada’s Irrigation and Drainage System", "to support its 2019-2020 capital investment program"
  const support = /^(?:to|for)\s+support(?:ing)?\s+(?:the\s+)?(.+)$/i.exec(r);
  if (support)
    return `Support for ${who && /^(?:its|their)\s/i.test(support[1]) ? `${who}'s ${support[1].replace(/^(?:its|their)\s+/i, '')}` : support[1]}`;

  // "(helps Cambodia) drill 500 wells", "to build wells …"
  const doing = /^(?:(?:[A-Z][\w'’ -]{1,40}?\s+)?(?:to\s+)?)(build|construct|drill|dig|install|rehabilitate|replace|improve)\s+(.+)$/i.exec(
    r,
  );
  if (
    doing &&
    (/^help|^assist|^agrees/i.test(verb) || /^(?:to\s+)?(?:build|construct|drill|dig|install|rehabilitate|replace|improve)\b/i.test(r))
  ) {
    return `${VERB_NOUNS[doing[1].toLowerCase()]} of ${lowerFirst(doing[2])}`;
  }
  if (/^to\s+/i.test(r) && !/^to\s+(?:the\s+)?(?:facilitate|faciliate|support)\b/i.test(r)) return `Support ${r}`;
  if (/^(?:for|to)\s+/i.test(r)) {
    const what = r.replace(/^(?:for|to)\s+(?:the\s+)?/i, '');
    if (/^(?:provision|supply)\s+of\s+/i.test(what)) return `Supply of ${what.replace(/^(?:provision|supply)\s+of\s+(?:the\s+)?/i, '')}`;
    if (/^(?:acquisition|acquistion|purchase)\s+of\s+/i.test(what)) return capitalise(what.replace(/^acquistion/i, 'acquisition'));
    if (/^(?:facilitate|faciliate) the (?:acquisition|acquistion) of\s+/i.test(what))
      return `Acquisition of ${what.replace(/^\w+ the \w+ of\s+/i, '')}`;
    return needOfProject(what, text);
  }
  if (/^(?:a\s+)?(?:detailed\s+)?feasibility study\b/i.test(r)) return capitalise(r.replace(/^a\s+/i, ''));
  if (/^(?:build|built|construct|constructs|constructed)$/i.test(verb) || /^(?:builds|built|constructs|constructed)$/i.test(verb))
    return `Construction of ${lowerFirst(r)}`;
  if (/^(?:funds|funded|launches)$/i.test(verb)) {
    if (!PROJECT_END.test(r) && /^(?:\w+\s+)?(?:[\w-]+\s+){0,3}(?:plants?|wells?|boreholes?|towers?|dams?)\b/i.test(r))
      return `Construction of ${lowerFirst(r)}`;
    return needOfProject(r, text);
  }
  if (/^(?:assists)$/i.test(verb)) return capitalise(r.replace(/^the\s+/i, ''));
  // Know-how rather than goods: "irrigation methods and farming techniques to Tajik communities".
  if (/\b(?:techniques|methods|training|courses?|assistance)\b/i.test(r)) {
    const know = withoutWorth(r).replace(/\s+to\s+(?=[A-Z])/, ' for ');
    return /\b(?:training|course|seminar)\b|\bassistance\b/i.test(know) ? capitalise(know) : `Training in ${lowerFirst(know)}`;
  }
  // Wells and boreholes are built, not delivered: "donates four wells to Chiradzulu district".
  const goods = withoutWorth(r.replace(/^(?:a|the)\s+/i, ''));
  if (
    /^(?:\w+\s+)?(?:wells?|boreholes?|bore holes|water supply system|water systems?|water towers?)(?![-\w])/i.test(goods) &&
    !/suppl(?!y system)/i.test(goods)
  ) {
    const counted = /^(?:wells?|boreholes?|bore holes)\b/i.test(goods) && !/^\w+s\b/i.test(goods) ? `a ${goods}` : goods;
    return `Construction of ${counted.replace(/\s+to\s+/, ' for ')}`;
  }
  // Goods given: "30 garbage trucks to Uganda", "water filters to four girls' schools in Sierra Leone".
  return `Supply of ${lowerFirst(goods)}`;
}

/** The title of the need a record describes. */
export function needTitle(sourceTitle: string, sourceDescription = ''): string {
  const t = stripCrossReferences(sourceTitle).replace(VIA_RE, ' ').replace(TAG_RE, '').replace(/\s+/g, ' ').trim();
  const text = `${t} ${sourceDescription}`;
  let title: string | null = null;

  // "Bolivian Army … Receives 49 million RMB Grant of Water Drilling Equipment from China"
  const receives = /^(?<who>.+?)\s+receives?\s+(?<rest>.+?)(?:\s+from\s+(?:China|the Chinese Government))?$/i.exec(t);
  const lender = LENDER_VERB_RE.exec(t);
  if (lender?.groups && LENDER_SUBJECT_RE.test(lender.groups.subject)) {
    title = needOfObject(lender.groups.verb, lender.groups.rest, text);
  } else if (receives?.groups && /grant|donation|equipment/i.test(receives.groups.rest)) {
    const what = stripMoney(receives.groups.rest).replace(/^(?:(?:grant|donation)\s+)?of\s+/i, '');
    title = /training/i.test(what) ? null : `Supply of ${lowerFirst(what)} to ${receives.groups.who}`;
  } else if (/^(?:Chinese\s+)?(?:Grant|Donation)\s+of\s+/i.test(t)) {
    const what = stripMoney(t.replace(/^(?:Chinese\s+)?(?:Grant|Donation)\s+of\s+/i, '')).replace(/^in\s+/i, '');
    title = what === '' ? null : /^to\s+/i.test(what) ? `Support ${what}` : `Supply of ${lowerFirst(what)}`;
  } else if (/^(.+?)\s+receives?\s+training\s+(.+)$/i.test(t)) {
    // "20 Agricultural technicians receive training in China"
    const [, who, where] = /^(.+?)\s+receives?\s+training\s+(.+)$/i.exec(t)!;
    title = `Training of ${who.replace(/^(\d+\s+)([A-Z])/, (_m, n: string, c: string) => n + c.toLowerCase())} ${where}`;
  } else if (/^(.{2,60}?)\s+(?:loan|grant|credit|funding)\s+(for\s.+)$/i.test(t) && LENDER_SUBJECT_RE.test(t)) {
    // "China Development bank loan for the improvement of Cuban sanitary facilities"
    title = needOfObject('provides', /^(.{2,60}?)\s+(?:loan|grant|credit|funding)\s+(for\s.+)$/i.exec(t)![2], text);
  } else {
    // "228,500 USD drawn down … for now-cancelled projects to improve Tosagua sewage and …"
    const doing = /\bto (build|construct|drill|dig|install|rehabilitate|replace|improve)\s+(.+)$/i.exec(t);
    if (doing && MONEY_START_RE.test(t)) title = `${VERB_NOUNS[doing[1].toLowerCase()]} of ${doing[2]}`;
  }
  title = (title ?? t)
    .replace(/\s+in (?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?(?:19|20)\d\d\b/, '')
    .replace(/\s*\[a company\]\s*/g, ' ')
    .trim()
    .replace(/\s+under (?:19|20)\d\d ETCA$/i, '')
    .replace(/[.\s]+$/, '')
    .replace(/\s+/g, ' ');
  // Nothing needed was left (a bare amount, "unspecified purposes"): keep the record's own title without its links.
  if (title.length < 8 || /^(?:Supply of|Construction of)\s*$/i.test(title)) title = t;
  return capitalise(title);
}

// ---------------------------------------------------------------- descriptions

const COUNT_WORDS = String.raw`(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)`;
/** Quantities worth repeating at the top: capacities, lengths, powers, areas, and counted items. */
const QUANTITY_RE = new RegExp(
  [
    String.raw`\b${NUMBER}(?:\s?(?:million|thousand))?[- ]?(?:cubic[- ]met(?:er|re)s?|m3|m³|tons?|tonnes?|liters?|litres?)(?:\s?(?:per|a|\/)\s?(?:day|d|hour|h|year))?`,
    String.raw`\b${NUMBER}[- ]?(?:km|kilomet(?:er|re)s?|meters?|metres?|MW|kV|hectares?|ha|acres)\b`,
    String.raw`\b${COUNT_WORDS}\s(?:(?:deep(?:water)?|water|hand|tube|solar|motori[sz]ed|large|mobile|human-powered|potable|water storage|garbage|sanitation|water tanker|towing)[- ]){0,2}(?:boreholes?|bore holes|wells?|hand pumps?|pumps?|tanks?|trucks?|dredgers?|excavators?|bulldozers?|boats?|cellars?|toilets?|trash cans|tricycles|pumping stations?|dams?|reservoirs?|villages|schools|schemes|states|districts|units)\b`,
  ].join('|'),
  'gi',
);

/** The record's quantities, in order, each once. */
export function quantitiesIn(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const q = m[0].replace(/\s+/g, ' ').trim();
    const key = q.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(q);
    }
  }
  return out.slice(0, 8);
}

/**
 * Words a GCDF record as a need. `place` (the country's name) is added to the opening sentence when the title names
 * no place of its own.
 */
export function wordNeed(sourceTitle: string, sourceDescription: string | null | undefined, place?: string | null): NeedWording {
  const original = clean(sourceDescription ?? '');
  const title = needTitle(sourceTitle, original);
  const record = stripCrossReferences(original).replace(/\[a company\]/g, 'a Chinese company');
  const { financier, instrument } = financingOf(sourceTitle, sourceDescription);

  const where = place && !title.includes(place) ? ` in ${place}` : '';
  const parts = [`${title}${where}.`];
  const quantities = quantitiesIn(`${stripCrossReferences(sourceTitle)} ${record}`);
  if (quantities.length > 0) parts.push(`Scope named in the record: ${quantities.join('; ')}.`);
  if (financier) parts.push(`Financing: ${financier}.`);
  const description = record ? `${parts.join(' ')}\n\nBackground (from the record): ${record}` : parts.join(' ');
  return { title, description, financier, instrument };
}
