/**
 * Keyword classification of AidData GCDF 3.0 project texts (titles and descriptions) for WaterBridge: which water
 * technology categories a text is about, whether it is water-related at all, its OECD-DAC CRS purpose code, the SDG 6
 * targets it serves, the cooperation modes it implies, the role a company played, the money amount it names and whether
 * its funding is already secured.
 *
 * Shared by the demo-seed derivation (src/demo/derive-demo-data.ts) and the GCDF data importer, so both give
 * the same answer for the same text. Pure functions, no I/O; deterministic. The rules are deliberately simple regexes:
 * GCDF texts are English prose written by AidData, and keywords catch them well enough for matchmaking and demos.
 *
 * Behaviour is frozen by the committed demo-data.json: the derivation must reproduce it byte for byte, so change a
 * regex or an order here only together with a regenerated seed.
 */

// ---------------------------------------------------------------- types

/** Technology categories of the WaterBridge taxonomy (the strings stored in the database). */
export type TechnologyCategory =
  | 'DESALINATION'
  | 'GROUNDWATER_WELLS'
  | 'WASTEWATER_TREATMENT'
  | 'SANITATION'
  | 'IRRIGATION'
  | 'FLOOD_CONTROL_DRAINAGE'
  | 'DAMS_RESERVOIRS'
  | 'HYDROPOWER'
  | 'DRINKING_WATER_TREATMENT'
  | 'MEMBRANE_TECHNOLOGY'
  | 'WATER_SUPPLY_NETWORKS'
  | 'PUMPING_STATIONS'
  | 'SMART_WATER_METERING'
  | 'WATER_QUALITY_MONITORING'
  | 'WATER_RESOURCES_MANAGEMENT';

/** OECD-DAC CRS purpose codes the classifier assigns (water and sanitation 140xx, agricultural water 31140, flood 41050). */
export type SectorCode = '14020' | '14021' | '14022' | '14031' | '14032' | '14040' | '14081' | '31140' | '41050';

/** SDG 6 targets. */
export type SdgTarget = '6.1' | '6.2' | '6.3' | '6.4' | '6.5' | '6.6' | '6.a' | '6.b';

/** How a Chinese enterprise and a host-country agency can work together. */
export type CooperationMode =
  | 'EPC'
  | 'EQUIPMENT_SUPPLY'
  | 'EQUIPMENT_DONATION'
  | 'TECHNICAL_TRAINING'
  | 'JOINT_LABORATORY'
  | 'DESIGN_CONSULTING'
  | 'OPERATION_MAINTENANCE'
  | 'INVESTMENT_PPP'
  | 'JOINT_RESEARCH';

/** The role a company played in a reference project. */
export type ProjectRoleCode = 'EPC_CONTRACTOR' | 'SUPPLIER' | 'TRAINER';

/** Whether a need already has its money ('SECURED') or is looking for it ('SEEKING'). */
export type FundingStatusCode = 'SECURED' | 'SEEKING';

/** Result of {@link analyse}: the cleaned texts and what they are about. */
export interface TextAnalysis {
  /** Whitespace-normalised title. */
  title: string;
  /** Whitespace-normalised description (not trimmed in length). */
  description: string;
  /** `${title} ${description}`: the text the sector, SDG, mode, role and funding rules look at. */
  text: string;
  /** Categories the text is about, in {@link CATEGORY_ORDER}. */
  categories: TechnologyCategory[];
  /** The main category, or null when no category keyword occurs at all. */
  primary: TechnologyCategory | null;
  /** Whether the text is about water infrastructure (not merely mentioning it in passing). */
  isWater: boolean;
}

/** A money amount found in a text, in units (not millions), with its ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

// ---------------------------------------------------------------- text helpers

/** Default maximum length of a stored description. */
export const MAX_DESCRIPTION = 1200;

/** Collapses runs of whitespace (GCDF texts are full of double spaces and line breaks) and trims; null/undefined -> ''. */
export function clean(s: unknown): string {
  // GCDF fields are strings, numbers or null.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cleans `s` and cuts it to at most `max` characters, on a word boundary when one lies in the second half, without
 * trailing punctuation, ending with "…". Keeps descriptions readable in lists and within the column limit.
 */
export function trimText(s: unknown, max: number = MAX_DESCRIPTION): string {
  const t = clean(s);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** How often `re` occurs in `text`, case-insensitively (the rule regexes are written lower case and without flags). */
export function countMatches(re: RegExp, text: string): number {
  return (text.match(new RegExp(re.source, 'gi')) || []).length;
}

// ---------------------------------------------------------------- technology categories

/**
 * One keyword regex per technology category (matched case-insensitively by {@link countMatches}). Order matters: it is
 * the tie-break order for the primary category, and the order categories are listed in. Lookbehinds keep out the usual
 * false friends: oil/gas wells, wastewater treatment counted as drinking water treatment.
 */
export const CATEGORY_RULES: ReadonlyArray<readonly [TechnologyCategory, RegExp]> = [
  ['DESALINATION', /desalinat\w*/],
  [
    'GROUNDWATER_WELLS',
    /\bbore ?holes?\b|\bboreholls?\b|(?<!oil |gas |geothermal |production )\bwells\b|\b(?:water|tube|deep|drilled|shallow) ?wells?\b|\bwell[- ]drilling\b|\bdrill(?:ing)? (?:of )?(?:\d+ )?(?:water )?wells?\b|\bgroundwater\b|\bhand ?pumps?\b/,
  ],
  ['WASTEWATER_TREATMENT', /\bwaste ?water\b|\bsewage\b|\bsewer(?:s|age)?\b/],
  ['SANITATION', /\bsanitation\b|\bsanitary\b|\blatrines?\b|\btoilets?\b/],
  ['IRRIGATION', /\birrigat\w*/],
  [
    'FLOOD_CONTROL_DRAINAGE',
    /\bflood[- ](?:control|protection|prevention|defen[cs]e|mitigation|management)\b|\bdrainage\b|\bstorm ?water\b|\brainwater\b|\bembankments?\b|\bdykes?\b|\blevees?\b/,
  ],
  ['DAMS_RESERVOIRS', /\bdams?\b|\breservoirs?\b|\bweirs?\b/],
  ['HYDROPOWER', /\bhydro[- ]?(?:power|electric\w*|generators?)\b/],
  [
    'DRINKING_WATER_TREATMENT',
    /(?<!waste ?)\bwater treatment\b|\bwater purif\w*|\bdrinking water\b|\bpotable water\b|\bwater (?:processing )?plants?\b|\bwater filters?\b/,
  ],
  ['MEMBRANE_TECHNOLOGY', /\bmembranes?\b|\breverse osmosis\b|\bultrafiltration\b/],
  [
    'WATER_SUPPLY_NETWORKS',
    /\bwater supply\b|\bwater (?:pipes?|pipelines?|mains?|networks?|distribution|systems?|towers?|tanks?|storage)\b|\bpipe ?networks?\b|\bpiped water\b|\bhdpe pipes?\b/,
  ],
  ['PUMPING_STATIONS', /\bpump(?:s|ing)?\b|\bpump(?:ing)? stations?\b/],
  ['SMART_WATER_METERING', /\bwater meters?\b|\bsmart meters?\b|\bmetering\b|\bwater measurement\b/],
  ['WATER_QUALITY_MONITORING', /\bwater quality\b|\bwater (?:source )?analysis\b|\bwater testing\b/],
  [
    'WATER_RESOURCES_MANAGEMENT',
    /\bwater resources?\b|\bwater conservancy\b|\briver basins?\b|\bbasin[- ]wide\b|\bwatersheds?\b|\bhydrolog\w*|\bcanals?\b|\bwater management\b/,
  ],
];

/** All categories in rule order: the canonical order of category lists and the primary-category tie-break. */
export const CATEGORY_ORDER: readonly TechnologyCategory[] = CATEGORY_RULES.map(([c]) => c);

/** English labels of the categories, for generated descriptions. */
export const CATEGORY_LABELS: Readonly<Record<TechnologyCategory, string>> = {
  DRINKING_WATER_TREATMENT: 'Drinking water treatment',
  DESALINATION: 'Desalination',
  WASTEWATER_TREATMENT: 'Wastewater treatment',
  MEMBRANE_TECHNOLOGY: 'Membrane technology',
  WATER_SUPPLY_NETWORKS: 'Water supply networks',
  PUMPING_STATIONS: 'Pumping stations',
  SMART_WATER_METERING: 'Smart water metering',
  IRRIGATION: 'Irrigation',
  FLOOD_CONTROL_DRAINAGE: 'Flood control and drainage',
  DAMS_RESERVOIRS: 'Dams and reservoirs',
  GROUNDWATER_WELLS: 'Groundwater wells',
  SANITATION: 'Sanitation',
  WATER_RESOURCES_MANAGEMENT: 'Water resources management',
  HYDROPOWER: 'Hydropower',
  WATER_QUALITY_MONITORING: 'Water quality monitoring',
};

/**
 * Titles naming water in general ("Rural Water Project") make a project water-related even without a category keyword,
 * but not deep-water ports, waterfronts, water damage or water sports.
 */
export const WATER_TITLE_RE = /\b(?<!deep )water\b(?! ?(?:port|front|damage|sports?))|\bcanals?\b/i;

/**
 * Names of companies and ministries that contain water words ("China Hydropower Construction Group donates a school",
 * "Ministry of Water Resources"): removed before keyword matching so that who did a project does not decide what it is.
 */
export const NAME_NOISE_RE =
  /\b(?:China|Chinese) (?:Water Resources and Electric Power|Hydropower Construction|Water (?:&|and) Electric)[\w .,&-]*?(?:Corporation|Corp\b\.?|Group|Company|Co\b\.?,? Ltd\b\.?)|\bHydroChina\b|\bMinistry of Water Resources(?: and \w+)?|\bWater Resources and Electric Power\b/gi;

/** Categories mentioned in a text, with their mention counts. */
function categoryCounts(text: string): Map<TechnologyCategory, number> {
  const counts = new Map<TechnologyCategory, number>();
  for (const [cat, re] of CATEGORY_RULES) {
    const n = countMatches(re, text);
    if (n > 0) counts.set(cat, n);
  }
  return counts;
}

/**
 * Analyses a title + description. GCDF descriptions are long and often mention water in passing (a stadium "with water
 * supply and drainage"), so a category counts when it matches the title, or is mentioned at least `minDescMentions`
 * times in the description (2 for track-record projects, 1 for needs, whose whole text is about water).
 *
 * Water-related: the title has a category keyword or names water/canals ({@link WATER_TITLE_RE}), or the description
 * mentions at least 3 different categories `minDescMentions` times each (a text substantially about water).
 * Primary: the first category (in rule order) in the title, else the one mentioned most often in the description.
 */
export function analyse(title: unknown, description: unknown, minDescMentions: number): TextAnalysis {
  const t = clean(title);
  const d = clean(description);
  const tm = t.replace(NAME_NOISE_RE, ' ');
  const dm = d.replace(NAME_NOISE_RE, ' ');
  const inTitle = categoryCounts(tm);
  const inDesc = categoryCounts(dm);
  const frequentInDesc = [...inDesc].filter(([, n]) => n >= minDescMentions).map(([c]) => c);
  const titleIsWater = inTitle.size > 0 || WATER_TITLE_RE.test(tm);
  const isWater = titleIsWater || frequentInDesc.length >= 3;
  let primary: TechnologyCategory | null = CATEGORY_ORDER.find((c) => inTitle.has(c)) ?? null;
  if (!primary) {
    let best = 0;
    for (const c of CATEGORY_ORDER) {
      const n = inDesc.get(c) ?? 0;
      if (n > best) {
        primary = c;
        best = n;
      }
    }
  }
  const cats = new Set<TechnologyCategory>([...inTitle.keys(), ...frequentInDesc]);
  if (primary) cats.add(primary);
  const categories = CATEGORY_ORDER.filter((c) => cats.has(c));
  return { title: t, description: d, text: `${t} ${d}`, categories, primary, isWater };
}

/**
 * Primary category implied by a need's GCDF `subtype`. The subtype is AidData's own judgement of what the project is,
 * so it beats the keywords for needs. 'wastewater/sewage/sanitation' is resolved from the text (wastewater vs
 * sanitation, see {@link primaryForSubtype}); other subtypes give no primary.
 */
export const SUBTYPE_PRIMARY: Readonly<Record<string, TechnologyCategory>> = {
  'water supply': 'WATER_SUPPLY_NETWORKS',
  'wells/boreholes': 'GROUNDWATER_WELLS',
  'water treatment': 'DRINKING_WATER_TREATMENT',
  desalination: 'DESALINATION',
  irrigation: 'IRRIGATION',
  'dam/reservoir': 'DAMS_RESERVOIRS',
  'flood control/drainage': 'FLOOD_CONTROL_DRAINAGE',
};

const ruleFor = (category: TechnologyCategory): RegExp => CATEGORY_RULES.find(([c]) => c === category)![1];

/**
 * Primary category from a GCDF subtype, or null when the subtype says nothing (then use the text's primary).
 * For 'wastewater/sewage/sanitation' the text decides: WASTEWATER_TREATMENT when wastewater words outnumber sanitation
 * words, else SANITATION. `text` is {@link TextAnalysis.text}.
 */
export function primaryForSubtype(subtype: string | null | undefined, text: string): TechnologyCategory | null {
  if (subtype === 'wastewater/sewage/sanitation') {
    const ww = countMatches(ruleFor('WASTEWATER_TREATMENT'), text);
    const san = countMatches(ruleFor('SANITATION'), text);
    return ww > san ? 'WASTEWATER_TREATMENT' : 'SANITATION';
  }
  return (subtype != null && Object.hasOwn(SUBTYPE_PRIMARY, subtype) ? SUBTYPE_PRIMARY[subtype] : null) ?? null;
}

// ---------------------------------------------------------------- company names

/**
 * What a Chinese company's name says it does. Chinese enterprise names carry their line of business by rule
 * (administrative area + trade name + industry + legal form, 企业名称登记管理规定), and English names translate it:
 * "Water Conservancy and Hydropower", "Engineering Survey Institute", "Municipal Engineering Design". For a company
 * whose water work is not (yet) in its track record, the name is the best statement of its capabilities there is.
 */
export const COMPANY_NAME_RULES: ReadonlyArray<readonly [RegExp, readonly TechnologyCategory[]]> = [
  [
    /water conservancy|water resources|hydraulic engineering|水利/i,
    ['DAMS_RESERVOIRS', 'IRRIGATION', 'FLOOD_CONTROL_DRAINAGE', 'WATER_RESOURCES_MANAGEMENT'],
  ],
  [/hydro[- ]?(?:power|electric)|\bhydro\b|水电/i, ['HYDROPOWER', 'DAMS_RESERVOIRS']],
  [
    /\bwater\b(?! (?:transport|resources|conservancy))|水务|供水|排水/i,
    ['WATER_SUPPLY_NETWORKS', 'DRINKING_WATER_TREATMENT', 'WASTEWATER_TREATMENT'],
  ],
  [
    /municipal (?:engineering|construction)|urban construction|市政/i,
    ['WATER_SUPPLY_NETWORKS', 'WASTEWATER_TREATMENT', 'FLOOD_CONTROL_DRAINAGE'],
  ],
  [/geolog|engineering survey|nonferrous[\w ]* survey|勘察|地质/i, ['GROUNDWATER_WELLS']],
  [/environmental (?:engineering|protection)|环保/i, ['WASTEWATER_TREATMENT']],
  [/\bpumps?\b|水泵/i, ['PUMPING_STATIONS']],
  [/irrigat|灌溉/i, ['IRRIGATION']],
  [/desalinat|海水淡化/i, ['DESALINATION']],
  [/membrane|膜/i, ['MEMBRANE_TECHNOLOGY']],
];

/** Water technology categories a company's name states, in {@link CATEGORY_ORDER}; [] when it names none. */
export function categoriesFromCompanyName(name: string): TechnologyCategory[] {
  const found = new Set<TechnologyCategory>();
  for (const [re, categories] of COMPANY_NAME_RULES) if (re.test(name)) categories.forEach((c) => found.add(c));
  return CATEGORY_ORDER.filter((c) => found.has(c));
}

// ---------------------------------------------------------------- sector codes and SDG targets

/** Basic (as opposed to large-system) water supply and sanitation: CRS 14031/14032 rather than 14021/14022. */
export const BASIC_RE = /\brural\b|\bvillages?\b|\bsmall[- ]scale\b|\bbasic\b|\bcommunity\b|\bhand ?pumps?\b|\bstandpipes?\b|\bschools?\b/i;

/** Training and capacity building: CRS 14081 (education/training), SDG 6.a, TECHNICAL_TRAINING, the TRAINER role. */
export const TRAINING_RE =
  /\btrain(?:ing|ed|ees?|s)?\b|\btechnicians?\b|\bseminars?\b|\bworkshops?\b|\bcourses?\b|\bcapacity[- ]building\b/i;

/**
 * OECD-DAC CRS purpose code from the primary category: supply/treatment/desalination -> 14021 (14031 when basic: rural,
 * village, small-scale, hand pumps; wells/boreholes always 14031); wastewater -> 14022; sanitation -> 14032 when basic
 * or about latrines/toilets, else 14022; irrigation -> 31140; flood control/drainage -> 41050; dams/reservoirs -> 14040;
 * anything else (hydropower, water resources, no category) -> 14081 when the title is about training, else 14020.
 * `text` is the whole text, `titleText` the title alone.
 */
export function sectorCodeFor(primary: string | null, text: string, titleText: string): SectorCode {
  const basic = BASIC_RE.test(text);
  switch (primary) {
    case 'GROUNDWATER_WELLS':
      return '14031';
    case 'DRINKING_WATER_TREATMENT':
    case 'DESALINATION':
    case 'WATER_SUPPLY_NETWORKS':
    case 'MEMBRANE_TECHNOLOGY':
    case 'PUMPING_STATIONS':
    case 'SMART_WATER_METERING':
      return basic ? '14031' : '14021';
    case 'WASTEWATER_TREATMENT':
      return '14022';
    case 'SANITATION':
      return basic || /latrine|toilet/i.test(text) ? '14032' : '14022';
    case 'IRRIGATION':
      return '31140';
    case 'FLOOD_CONTROL_DRAINAGE':
      return '41050';
    case 'DAMS_RESERVOIRS':
      return '14040';
    default:
      return TRAINING_RE.test(titleText) ? '14081' : '14020';
  }
}

/** Canonical order of SDG targets in a list. */
export const SDG_ORDER: readonly SdgTarget[] = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.a', '6.b'];

/** Categories that deliver drinking water (SDG 6.1). */
const SUPPLY_CATS = new Set<string>([
  'DRINKING_WATER_TREATMENT',
  'DESALINATION',
  'WATER_SUPPLY_NETWORKS',
  'GROUNDWATER_WELLS',
  'MEMBRANE_TECHNOLOGY',
  'SMART_WATER_METERING',
]);

/**
 * SDG 6 targets of a need: supply -> 6.1; sanitation -> 6.2; wastewater -> 6.3 (a 14022 need without either gets 6.3);
 * irrigation/desalination (water-use efficiency) -> 6.4; dams, water resources, flood control -> 6.5 (integrated water
 * resources management), plus 6.6 when ecosystems/wetlands/river restoration are named; training or technical
 * cooperation -> 6.a; community participation -> 6.b. Never empty (6.1 by default), in {@link SDG_ORDER}.
 */
export function sdgTargetsFor(sectorCode: string, categories: readonly string[], text: string): SdgTarget[] {
  const s = new Set<SdgTarget>();
  const cats = new Set(categories);
  if (['14021', '14031'].includes(sectorCode) || categories.some((c) => SUPPLY_CATS.has(c))) s.add('6.1');
  if (cats.has('SANITATION') || sectorCode === '14032') s.add('6.2');
  if (cats.has('WASTEWATER_TREATMENT')) s.add('6.3');
  if (sectorCode === '14022' && !s.has('6.2') && !s.has('6.3')) s.add('6.3');
  if (cats.has('IRRIGATION') || cats.has('DESALINATION') || sectorCode === '31140') s.add('6.4');
  if (
    cats.has('DAMS_RESERVOIRS') ||
    cats.has('WATER_RESOURCES_MANAGEMENT') ||
    cats.has('FLOOD_CONTROL_DRAINAGE') ||
    ['14040', '41050', '14020'].includes(sectorCode)
  )
    s.add('6.5');
  if (/\becosystems?\b|\bwetlands?\b|\briver restoration\b|\becolog\w*|\bbiodiversity\b|\briver ?banks?\b/i.test(text)) s.add('6.6');
  if (TRAINING_RE.test(text) || /\btechnical (?:cooperation|assistance)\b/i.test(text) || sectorCode === '14081') s.add('6.a');
  if (/\bcommunity (?:participation|-based|based|management)\b|\bwater users?'? associations?\b|\blocal communities\b/i.test(text))
    s.add('6.b');
  if (s.size === 0) s.add('6.1');
  return SDG_ORDER.filter((t) => s.has(t));
}

// ---------------------------------------------------------------- cooperation modes and roles

/** Canonical order of cooperation modes in a list. */
export const MODE_ORDER: readonly CooperationMode[] = [
  'EPC',
  'EQUIPMENT_SUPPLY',
  'EQUIPMENT_DONATION',
  'TECHNICAL_TRAINING',
  'JOINT_LABORATORY',
  'DESIGN_CONSULTING',
  'OPERATION_MAINTENANCE',
  'INVESTMENT_PPP',
  'JOINT_RESEARCH',
];

/** Construction work: EPC mode. */
const EPC_RE = /\bconstruct\w*|\bbuild(?:s|ing)?\b|\bbuilt\b|\bcontract(?:s|or|ors|ed)?\b|\brehabilitat\w*|\binstall\w*/i;
/** Deliveries of goods: equipment supply or donation, the SUPPLIER role. */
const EQUIPMENT_RE = /\bequipment\b|\bsupplies\b|\bmaterials?\b|\bvehicles?\b|\btrucks?\b|\bmachinery\b|\bdonat\w*/i;
/** Gifts: equipment is donated rather than sold. */
const GRANT_RE = /\bgrants?\b|\bdonat\w*|\bgifts?\b/i;
/** Design, feasibility studies, surveys, consulting. */
const DESIGN_RE = /\bdesign\w*|\bfeasibility\b|\bstud(?:y|ies)\b|\bsurveys?\b|\bconsult\w*|\bmaster ?plans?\b/i;
/** Operation and maintenance. */
const OM_RE =
  /\bmaintenance\b|\bmaintain\w*|\bO&M\b|\boperation and management\b|\bmanagement and operation\b|\boperat(?:e|es|ing) (?:and maintain|the)\b/i;
/** Demonstration centres and laboratories: joint laboratory mode. */
const LAB_RE = /\bdemonstration\b|\blaborator(?:y|ies)\b|\blab\b/i;
/** Investment: PPP, BOT, equity. Case-sensitive so that "bot"/"ppp" inside prose do not count. */
const PPP_RE = /\bPPP\b|\bpublic[- ]private partnership\b|\bbuild[- ]operate[- ]transfer\b|\bBOT\b|\bequity\b/;
/** Joint research. */
const RESEARCH_RE = /\bjoint research\b|\bresearch (?:cooperation|cent(?:er|re)s?|project)\b/i;

/**
 * Cooperation modes a text implies (for needs, and for capabilities from their projects' texts): construct/build/
 * contract -> EPC; equipment/supplies -> EQUIPMENT_DONATION when granted/donated, else EQUIPMENT_SUPPLY; training ->
 * TECHNICAL_TRAINING; design/feasibility/study -> DESIGN_CONSULTING; maintenance/operation -> OPERATION_MAINTENANCE;
 * demonstration/laboratory -> JOINT_LABORATORY; PPP/BOT/equity -> INVESTMENT_PPP; joint research -> JOINT_RESEARCH.
 * Never empty (EPC by default), in {@link MODE_ORDER}.
 */
export function cooperationModesFor(text: string): CooperationMode[] {
  const m = new Set<CooperationMode>();
  if (EPC_RE.test(text)) m.add('EPC');
  if (EQUIPMENT_RE.test(text)) m.add(GRANT_RE.test(text) ? 'EQUIPMENT_DONATION' : 'EQUIPMENT_SUPPLY');
  if (TRAINING_RE.test(text)) m.add('TECHNICAL_TRAINING');
  if (DESIGN_RE.test(text)) m.add('DESIGN_CONSULTING');
  if (OM_RE.test(text)) m.add('OPERATION_MAINTENANCE');
  if (LAB_RE.test(text)) m.add('JOINT_LABORATORY');
  if (PPP_RE.test(text)) m.add('INVESTMENT_PPP');
  if (RESEARCH_RE.test(text)) m.add('JOINT_RESEARCH');
  if (m.size === 0) m.add('EPC');
  return MODE_ORDER.filter((x) => m.has(x));
}

/** Titles about delivering goods ("Donation of water trucks", "Supply of pumps"). */
const TITLE_SUPPLY_RE =
  /\bequipment\b|\bsupplies\b|\bsupply of\b|\bmaterials?\b|\bvehicles?\b|\btrucks?\b|\bmachinery\b|\bexcavators?\b|\bdredgers?\b|\bacquisition of\b|\bdonates?\b/i;
/** Construction contracts. */
const CONSTRUCT_RE = /\bcontractors?\b|\bconstruct\w*|\bEPC\b/i;

/**
 * Role of the company in a reference project, title first because it says what the project is: TRAINER for a training
 * title; SUPPLIER for a goods-delivery title that is not about construction; then from the whole text: EPC_CONTRACTOR
 * for construction, SUPPLIER for equipment, TRAINER for training; EPC_CONTRACTOR by default.
 */
export function roleFor(a: Pick<TextAnalysis, 'title' | 'text'>): ProjectRoleCode {
  if (TRAINING_RE.test(a.title)) return 'TRAINER';
  if (TITLE_SUPPLY_RE.test(a.title) && !CONSTRUCT_RE.test(a.title)) return 'SUPPLIER';
  if (CONSTRUCT_RE.test(a.text)) return 'EPC_CONTRACTOR';
  if (EQUIPMENT_RE.test(a.text)) return 'SUPPLIER';
  if (TRAINING_RE.test(a.text)) return 'TRAINER';
  return 'EPC_CONTRACTOR';
}

// ---------------------------------------------------------------- money

/** ISO 4217 codes accepted when a text writes a bare three-letter code ("69,000 TOP"); other capitals are not money. */
export const ISO_CURRENCIES: ReadonlySet<string> = new Set(
  (
    'USD EUR CNY GBP JPY CHF XOF XAF XPF XCD DJF LAK KES TZS UGX ETB NGN GHS ZMW MZN AOA PKR LKR BDT NPR MMK KHR VND IDR MYR THB PHP ' +
    'FJD PGK WST TOP VUV SBD BRL ARS BOB VES VEF PEN CUP COP CLP UYU MXN JMD TTD GYD SRD BBD BSD MNT KZT UZS KGS TJS TMT AFN IRR IQD ' +
    'JOD LBP SYP YER EGP SDG SSP MAD DZD TND LYD MUR SCR MGA MWK RWF BIF ZWL NAD BWP LSL SZL ZAR GMD GNF SLL SLE LRD CVE STN KMF ERN SOS ' +
    'MRU RUB BYN UAH RSD MKD ALL BAM TRY GEL AMD AZN INR MVR HKD MOP SGD KRW KPW NZD AUD CAD SAR AED QAR OMR KWD BHD ILS CDF'
  ).split(' '),
);
/** Central African CFA franc countries (XAF); every other CFA franc is the West African one (XOF). */
const CFA_XAF = new Set(['CM', 'CF', 'TD', 'CG', 'GQ', 'GA']);
/** "Rupees" means the local rupee of the country. */
const RUPEE: Readonly<Record<string, string>> = { LK: 'LKR', PK: 'PKR', IN: 'INR', NP: 'NPR', MU: 'MUR', SC: 'SCR', MV: 'MVR', ID: 'IDR' };
const MULTIPLIERS: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const MULT = String.raw`(?:\s?([Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)\b)?`;
const PREFIX_CUR = String.raw`(US\$|U\.S\.\s?\$|\$|€|£|₭|USD|RMB|CNY|EUR|FCFA|CFA|[A-Z]{3}(?:\s?\$)?)`;
const SUFFIX_CUR = String.raw`(US dollars?|U\.S\. dollars?|dollars?|Chinese [Yy]uan|[Yy]uan|[Rr]enminbi|RMB|CNY|USD|[Ee]uros?|EUR|FCFA|CFA(?: [Ff]rancs?)?|[Ff]rancs?|[Rr]upees?|[Kk]ina|[A-Z]{3})`;
/**
 * A money amount: currency before the number ("$28.9 million", "RMB 66.33 million", "USD 12 million") or after it
 * ("7 billion FCFA", "69,000 TOP", "500 million yuan"). Groups 1-3: prefix currency, number, multiplier; groups 4-6:
 * number, multiplier, suffix currency.
 */
const MONEY_RE = new RegExp(String.raw`(?<![\w$])${PREFIX_CUR}\s?${NUM}${MULT}|(?<![\w.,])${NUM}${MULT}\s?${SUFFIX_CUR}(?![\w])`, 'g');

/**
 * ISO 4217 code of a currency token as written in a text, or null when it is not a currency. CFA francs resolve to XOF
 * or XAF by country, plain francs also to KMF (Comoros) or DJF (Djibouti), rupees to the country's rupee.
 */
export function currencyFor(token: string, countryCode: string | null | undefined): string | null {
  const t = token.replace(/\s/g, '');
  const u = t.toUpperCase();
  const cc = countryCode ?? '';
  if (/^(US\$|U\.S\.\$|\$|USD|USDOLLARS?|U\.S\.DOLLARS?|DOLLARS?)$/.test(u)) return 'USD';
  if (/^(RMB|CNY|YUAN|CHINESEYUAN|RENMINBI)$/.test(u)) return 'CNY';
  if (/^(€|EUR|EUROS?)$/.test(u)) return 'EUR';
  if (u === '£') return 'GBP';
  if (u === '₭') return 'LAK';
  if (/^(FCFA|CFA|CFAFRANCS?)$/.test(u)) return CFA_XAF.has(cc) ? 'XAF' : 'XOF';
  if (/^FRANCS?$/.test(u)) return cc === 'KM' ? 'KMF' : cc === 'DJ' ? 'DJF' : CFA_XAF.has(cc) ? 'XAF' : 'XOF';
  if (/^RUPEES?$/.test(u)) return (Object.hasOwn(RUPEE, cc) ? RUPEE[cc] : undefined) ?? null;
  if (u === 'KINA') return 'PGK';
  const code = u.replace(/\$$/, '');
  if (/^[A-Z]{3}$/.test(t.replace(/\$$/, '')) && ISO_CURRENCIES.has(code)) return code;
  return null;
}

/**
 * The first money amount in `text` with a recognisable currency, in units (multiplier applied, rounded to cents), or
 * null. Tokens that are not currencies are skipped, and so is a bare year before a currency code ("in 2016 USD").
 * `countryCode` (ISO 3166 alpha-2) disambiguates CFA francs, francs and rupees.
 */
export function extractMoney(text: string, countryCode: string | null | undefined): Money | null {
  MONEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY_RE.exec(text)) !== null) {
    const [curToken, num, mult] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[6], m[4], m[5]];
    const currency = currencyFor(curToken, countryCode);
    if (!currency) continue;
    const value = parseFloat(num.replace(/,/g, '')) * (mult ? MULTIPLIERS[mult.toLowerCase()] : 1);
    if (!Number.isFinite(value) || value <= 0) continue;
    // A bare 4-digit year followed by a currency code ("in 2016 USD") is not an amount.
    if (!mult && /^(19|20)\d\d$/.test(num) && m[1] === undefined) continue;
    return { amount: Math.round(value * 100) / 100, currency };
  }
  return null;
}

/** Budget of a need: the first amount in the title (usually the headline figure), else the first in the description. */
export function budgetFor(title: unknown, description: unknown, countryCode: string | null | undefined): Money | null {
  return extractMoney(clean(title), countryCode) ?? extractMoney(clean(description), countryCode);
}

// ---------------------------------------------------------------- funding status

/**
 * Money already there: a loan/grant/funding signed, provided, granted, donated, committed... (such a verb followed in the
 * same sentence by loan/grant/credit/funding or an amount), a loan/grant agreement, or something funded/financed.
 * In-kind donations of goods without an amount do not match.
 */
export const SECURED_RE =
  /\b(?:signed|signs|provided|provides|granted|grants|extended|extends|committed|commits|approved|approves|disbursed|donated|donates|funded|funds|loaned|loans|gives|gave)\b(?:[^.;]|\.(?=\d)){0,120}?(?:\b(?:loans?|grants?|credits?|funding|financing|donations?|funds)\b|\$|\b(?:USD|RMB|CNY|EUR|F?CFA|yuan|kina|rupees|francs|million|billion)\b)|\b(?:loan|grant|credit|financing) agreements?\b|\b(?:funds|funded|finances|financed)\b/i;

/** 'SECURED' when the text says the money was committed ({@link SECURED_RE}), else 'SEEKING'. */
export function fundingStatusFor(text: string): FundingStatusCode {
  return SECURED_RE.test(text) ? 'SECURED' : 'SEEKING';
}

// ---------------------------------------------------------------- whole records

/** Classification of an open need (a GCDF water project without a known implementer). */
export interface NeedClassification {
  analysis: TextAnalysis;
  primary: TechnologyCategory | null;
  technologyCategories: TechnologyCategory[];
  sectorCode: SectorCode;
  sdgTargets: SdgTarget[];
  cooperationModes: CooperationMode[];
  budget: Money | null;
  fundingStatus: FundingStatusCode;
}

/**
 * Classifies a need: its whole text is about water, so one mention anywhere counts; the GCDF subtype decides the
 * primary category first ({@link primaryForSubtype}) and is always among the categories.
 */
export function classifyNeed(
  title: unknown,
  description: unknown,
  subtype: string | null | undefined,
  countryCode: string | null | undefined,
): NeedClassification {
  const a = analyse(title, description, 1);
  const cats = new Set(a.categories);
  const primary = primaryForSubtype(subtype, a.text) ?? a.primary;
  if (primary) cats.add(primary);
  const technologyCategories = CATEGORY_ORDER.filter((c) => cats.has(c));
  const sectorCode = sectorCodeFor(primary, a.text, a.title);
  return {
    analysis: a,
    primary,
    technologyCategories,
    sectorCode,
    sdgTargets: sdgTargetsFor(sectorCode, technologyCategories, a.text),
    cooperationModes: cooperationModesFor(a.text),
    budget: budgetFor(title, description, countryCode),
    fundingStatus: fundingStatusFor(a.text),
  };
}

/** Classification of a track-record (reference) project of a company. */
export interface ProjectClassification {
  analysis: TextAnalysis;
  isWater: boolean;
  /** CRS code for water projects; null for non-water ones (keep the GCDF sector string instead). */
  sectorCode: SectorCode | null;
  role: ProjectRoleCode;
  /** Categories of a water project (WATER_RESOURCES_MANAGEMENT when none is named); empty for non-water projects. */
  technologyCategories: TechnologyCategory[];
}

/** Classifies a track-record project: a category needs the title or two mentions in the description. */
export function classifyProject(title: unknown, description: unknown): ProjectClassification {
  const a = analyse(title, description, 2);
  return {
    analysis: a,
    isWater: a.isWater,
    sectorCode: a.isWater ? sectorCodeFor(a.primary, a.text, a.title) : null,
    role: roleFor(a),
    technologyCategories: waterCategories(a),
  };
}

/** Categories of an analysed water project, WATER_RESOURCES_MANAGEMENT when none is named; [] when not water. */
export function waterCategories(a: Pick<TextAnalysis, 'isWater' | 'categories'>): TechnologyCategory[] {
  if (!a.isWater) return [];
  return a.categories.length ? a.categories : ['WATER_RESOURCES_MANAGEMENT'];
}
