#!/usr/bin/env node
// Derives the WaterBridge demo seed (src/database/seed/demo-data.json) from the real
// gcdf-water extract of AidData's Global Chinese Development Finance Dataset 3.0.
//
// Usage: node src/database/seed/derive-demo-data.mjs [--data DIR] [--out FILE]
//   --data DIR   folder holding companies.jsonl and open-needs.jsonl
//                (default: ../shared/data/gcdf-water next to the repo, i.e. /work/shared/data/gcdf-water)
//   --out FILE   output file (default: src/database/seed/demo-data.json)
//
// Plain Node 20 ESM, no dependencies. Deterministic: the same input gives a byte-identical file.
//
// Licence of the data: ODC-By 1.0. Credit: AidData (2023). Global Chinese Development Finance
// Dataset, Version 3.0. AidData at William & Mary.
//
// ---------------------------------------------------------------------------------------------
// Derivation rules (keyword based, all regexes are below in CATEGORY_RULES and friends):
//
// * Technology categories of a text: each category has a keyword regex (borehole/wells ->
//   GROUNDWATER_WELLS, desalinat -> DESALINATION, sewage/wastewater -> WASTEWATER_TREATMENT,
//   irrigation -> IRRIGATION, flood control/drainage -> FLOOD_CONTROL_DRAINAGE, dam/reservoir ->
//   DAMS_RESERVOIRS, hydropower/hydroelectric -> HYDROPOWER, (drinking) water treatment ->
//   DRINKING_WATER_TREATMENT, water supply/pipe network/distribution -> WATER_SUPPLY_NETWORKS,
//   pump -> PUMPING_STATIONS, latrine/sanitation/toilet -> SANITATION, membrane/reverse osmosis ->
//   MEMBRANE_TECHNOLOGY, water meter -> SMART_WATER_METERING, water quality -> WATER_QUALITY_MONITORING,
//   water resources/canal/river basin -> WATER_RESOURCES_MANAGEMENT).
//   GCDF descriptions are long and often mention water in passing (a stadium "with water supply and
//   drainage"), so a category counts when it matches the TITLE, or is mentioned at least twice in the
//   DESCRIPTION. For open needs (whose whole text is about water) one mention anywhere is enough, and
//   the need's GCDF `subtype` also seeds a category.
// * A track-record project is WATER-RELATED when its title matches a water keyword (any category
//   keyword, the word "water" - not "deep water port" - or canal), or its description mentions at
//   least 3 different categories twice each (a text substantially about water infrastructure).
// * Primary category: the first category (in CATEGORY_RULES order) matched in the title, else the one
//   mentioned most often in the description. For needs, the GCDF subtype decides first.
// * sectorCode (OECD-DAC CRS purpose code) from the primary category: supply/treatment/desalination
//   -> "14021" ("14031" basic: rural, village, small-scale, hand pumps; wells/boreholes always 14031);
//   wastewater -> "14022"; sanitation -> "14032" when basic (latrines, toilets, rural) else "14022";
//   irrigation -> "31140"; flood control/drainage -> "41050"; dam/reservoir -> "14040";
//   training-only projects -> "14081"; anything else water (hydropower, water resources) -> "14020".
//   Non-water projects get null and keep the original GCDF sector string in `gcdfSector`.
// * sdgTargets of a need: supply -> 6.1; sanitation/latrines -> 6.2; wastewater -> 6.3 (a "14022" need
//   with neither keyword gets 6.3); irrigation/desalination -> 6.4;
//   dam, river basin, water resources, flood -> 6.5 (+ 6.6 with ecosystem/wetland/river restoration
//   words); training/technical cooperation -> 6.a; community participation -> 6.b.
// * cooperationModes (needs, and capabilities from their projects' texts): construct/build/contract
//   -> EPC; equipment/supplies/donat -> EQUIPMENT_DONATION when grant/donat, else EQUIPMENT_SUPPLY;
//   training/technician -> TECHNICAL_TRAINING; design/feasibility/study -> DESIGN_CONSULTING;
//   maintenance/operation -> OPERATION_MAINTENANCE; demonstration/laboratory -> JOINT_LABORATORY;
//   PPP/BOT/equity -> INVESTMENT_PPP; joint research -> JOINT_RESEARCH. At least one (default EPC).
// * Budget of a need: first money amount in the title, else the description ("$28.9 million",
//   "RMB 66.33 million", "7 billion FCFA", "USD 12 million", "69,000 TOP") -> budgetMin = budgetMax =
//   amount in units, currency as ISO 4217 (CFA francs -> XOF or XAF by country, rupees by country).
//   None found -> null/null/null.
// * fundingStatus: "SECURED" when the text says a loan/grant/funding was signed, provided, granted,
//   donated or committed, i.e. such a verb followed in the same sentence by loan/grant/credit/funding or
//   an amount, or the text says a loan/grant agreement or that something was funded/financed; else
//   "SEEKING" (in-kind donations of goods without an amount stay SEEKING).
// * Enterprises: the 150 companies with the most water-related projects (ties: more projects in total,
//   then id); companies without any water project are never selected. Each keeps its 25 most relevant
//   projects (water ones first, then most recent, then id). Reference-project role: TRAINER for
//   training, SUPPLIER for equipment/supply deliveries, EPC_CONTRACTOR otherwise (contractor/construct
//   or default). Capabilities: one per technology category with >= 1 water project (the 5 most
//   frequent), trl 9.
// * Agencies: one demo agency per country that has at least one open need with a known country.
// * Needs: every open need whose country resolves to an ISO code; others are skipped and counted.
// * Descriptions are whitespace-normalised and trimmed to at most 1,200 characters on a word boundary.
// ---------------------------------------------------------------------------------------------

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CREDIT = 'AidData (2023). Global Chinese Development Finance Dataset, Version 3.0. AidData at William & Mary.';
const MAX_ENTERPRISES = 150;
const MAX_PROJECTS_PER_COMPANY = 25;
const MAX_CAPABILITIES = 5;
const MAX_DESCRIPTION = 1200;

// ---------------------------------------------------------------- arguments and input

function parseArgs(argv) {
  const args = {
    data: path.resolve(REPO, '..', 'shared', 'data', 'gcdf-water'),
    out: path.join(REPO, 'src', 'database', 'seed', 'demo-data.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--data' || a === '--out') && argv[i + 1]) args[a.slice(2)] = path.resolve(argv[++i]);
    else if (a.startsWith('--data=')) args.data = path.resolve(a.slice(7));
    else if (a.startsWith('--out=')) args.out = path.resolve(a.slice(6));
    else if (a === '--help' || a === '-h') {
      console.log('Usage: node src/database/seed/derive-demo-data.mjs [--data DIR] [--out FILE]');
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${e.message}`);
      }
    });
}

// ---------------------------------------------------------------- countries

function loadCountries() {
  const countries = JSON.parse(fs.readFileSync(path.join(REPO, 'src', 'reference-data', 'data', 'countries.json'), 'utf8'));
  const byName = new Map();
  const byCode = new Map();
  for (const c of countries) {
    byCode.set(c.code, c);
    for (const n of [c.nameEn, ...(c.aliases || [])]) byName.set(n.trim().toLowerCase(), c.code);
  }
  return { byCode, resolve: (name) => (name ? byName.get(String(name).trim().toLowerCase()) ?? null : null) };
}

// ---------------------------------------------------------------- text helpers

const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

function trimText(s, max = MAX_DESCRIPTION) {
  const t = clean(s);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

const countMatches = (re, text) => (text.match(new RegExp(re.source, 'gi')) || []).length;

// ---------------------------------------------------------------- technology categories

// Order matters: it is the tie-break order for the primary category.
const CATEGORY_RULES = [
  ['DESALINATION', /desalinat\w*/],
  ['GROUNDWATER_WELLS', /\bbore ?holes?\b|\bboreholls?\b|(?<!oil |gas |geothermal |production )\bwells\b|\b(?:water|tube|deep|drilled|shallow) ?wells?\b|\bwell[- ]drilling\b|\bdrill(?:ing)? (?:of )?(?:\d+ )?(?:water )?wells?\b|\bgroundwater\b|\bhand ?pumps?\b/],
  ['WASTEWATER_TREATMENT', /\bwaste ?water\b|\bsewage\b|\bsewer(?:s|age)?\b/],
  ['SANITATION', /\bsanitation\b|\bsanitary\b|\blatrines?\b|\btoilets?\b/],
  ['IRRIGATION', /\birrigat\w*/],
  ['FLOOD_CONTROL_DRAINAGE', /\bflood[- ](?:control|protection|prevention|defen[cs]e|mitigation|management)\b|\bdrainage\b|\bstorm ?water\b|\brainwater\b|\bembankments?\b|\bdykes?\b|\blevees?\b/],
  ['DAMS_RESERVOIRS', /\bdams?\b|\breservoirs?\b|\bweirs?\b/],
  ['HYDROPOWER', /\bhydro[- ]?(?:power|electric\w*|generators?)\b/],
  ['DRINKING_WATER_TREATMENT', /(?<!waste ?)\bwater treatment\b|\bwater purif\w*|\bdrinking water\b|\bpotable water\b|\bwater (?:processing )?plants?\b|\bwater filters?\b/],
  ['MEMBRANE_TECHNOLOGY', /\bmembranes?\b|\breverse osmosis\b|\bultrafiltration\b/],
  ['WATER_SUPPLY_NETWORKS', /\bwater supply\b|\bwater (?:pipes?|pipelines?|mains?|networks?|distribution|systems?|towers?|tanks?|storage)\b|\bpipe ?networks?\b|\bpiped water\b|\bhdpe pipes?\b/],
  ['PUMPING_STATIONS', /\bpump(?:s|ing)?\b|\bpump(?:ing)? stations?\b/],
  ['SMART_WATER_METERING', /\bwater meters?\b|\bsmart meters?\b|\bmetering\b|\bwater measurement\b/],
  ['WATER_QUALITY_MONITORING', /\bwater quality\b|\bwater (?:source )?analysis\b|\bwater testing\b/],
  ['WATER_RESOURCES_MANAGEMENT', /\bwater resources?\b|\bwater conservancy\b|\briver basins?\b|\bbasin[- ]wide\b|\bwatersheds?\b|\bhydrolog\w*|\bcanals?\b|\bwater management\b/],
];
const CATEGORY_ORDER = CATEGORY_RULES.map(([c]) => c);

const CATEGORY_LABELS = {
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

// Titles naming water in general ("Rural Water Project") but not ports, waterfronts or water damage.
const WATER_TITLE_RE = /\b(?<!deep )water\b(?! ?(?:port|front|damage|sports?))|\bcanals?\b/i;

// Categories mentioned in a text, with their mention counts.
function categoryCounts(text) {
  const counts = new Map();
  for (const [cat, re] of CATEGORY_RULES) {
    const n = countMatches(re, text);
    if (n > 0) counts.set(cat, n);
  }
  return counts;
}

// Analyse a title + description. minDescMentions: how often a category must be mentioned in the
// description alone to count (2 for long track-record texts, 1 for needs).
// Names of companies and ministries that contain water words ("China Hydropower Construction Group
// donates a school") are removed before keyword matching.
const NAME_NOISE_RE = /\b(?:China|Chinese) (?:Water Resources and Electric Power|Hydropower Construction|Water (?:&|and) Electric)[\w .,&-]*?(?:Corporation|Corp\b\.?|Group|Company|Co\b\.?,? Ltd\b\.?)|\bHydroChina\b|\bMinistry of Water Resources(?: and \w+)?|\bWater Resources and Electric Power\b/gi;

function analyse(title, description, minDescMentions) {
  const t = clean(title);
  const d = clean(description);
  const tm = t.replace(NAME_NOISE_RE, ' ');
  const dm = d.replace(NAME_NOISE_RE, ' ');
  const inTitle = categoryCounts(tm);
  const inDesc = categoryCounts(dm);
  const frequentInDesc = [...inDesc].filter(([, n]) => n >= minDescMentions).map(([c]) => c);
  const titleIsWater = inTitle.size > 0 || WATER_TITLE_RE.test(tm);
  const isWater = titleIsWater || frequentInDesc.length >= 3;
  // Primary category: first one in the title, else the one mentioned most often in the description.
  let primary = CATEGORY_ORDER.find((c) => inTitle.has(c)) ?? null;
  if (!primary) {
    let best = 0;
    for (const c of CATEGORY_ORDER) if ((inDesc.get(c) ?? 0) > best) [primary, best] = [c, inDesc.get(c)];
  }
  const cats = new Set([...inTitle.keys(), ...frequentInDesc]);
  if (primary) cats.add(primary);
  const categories = CATEGORY_ORDER.filter((c) => cats.has(c));
  return { title: t, description: d, text: `${t} ${d}`, categories, primary, isWater };
}

// ---------------------------------------------------------------- sector codes and SDG targets

const BASIC_RE = /\brural\b|\bvillages?\b|\bsmall[- ]scale\b|\bbasic\b|\bcommunity\b|\bhand ?pumps?\b|\bstandpipes?\b|\bschools?\b/i;
const TRAINING_RE = /\btrain(?:ing|ed|ees?|s)?\b|\btechnicians?\b|\bseminars?\b|\bworkshops?\b|\bcourses?\b|\bcapacity[- ]building\b/i;

const SUBTYPE_PRIMARY = {
  'water supply': 'WATER_SUPPLY_NETWORKS',
  'wells/boreholes': 'GROUNDWATER_WELLS',
  'water treatment': 'DRINKING_WATER_TREATMENT',
  desalination: 'DESALINATION',
  irrigation: 'IRRIGATION',
  'dam/reservoir': 'DAMS_RESERVOIRS',
  'flood control/drainage': 'FLOOD_CONTROL_DRAINAGE',
  // 'wastewater/sewage/sanitation' is resolved from the text (wastewater vs sanitation)
};

function sectorCodeFor(primary, text, titleText) {
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

const SDG_ORDER = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.a', '6.b'];
const SUPPLY_CATS = new Set(['DRINKING_WATER_TREATMENT', 'DESALINATION', 'WATER_SUPPLY_NETWORKS', 'GROUNDWATER_WELLS', 'MEMBRANE_TECHNOLOGY', 'SMART_WATER_METERING']);

function sdgTargetsFor(sectorCode, categories, text) {
  const s = new Set();
  const cats = new Set(categories);
  if (['14021', '14031'].includes(sectorCode) || categories.some((c) => SUPPLY_CATS.has(c))) s.add('6.1');
  if (cats.has('SANITATION') || sectorCode === '14032') s.add('6.2');
  if (cats.has('WASTEWATER_TREATMENT')) s.add('6.3');
  if (sectorCode === '14022' && !s.has('6.2') && !s.has('6.3')) s.add('6.3');
  if (cats.has('IRRIGATION') || cats.has('DESALINATION') || sectorCode === '31140') s.add('6.4');
  if (cats.has('DAMS_RESERVOIRS') || cats.has('WATER_RESOURCES_MANAGEMENT') || cats.has('FLOOD_CONTROL_DRAINAGE') || ['14040', '41050', '14020'].includes(sectorCode)) s.add('6.5');
  if (/\becosystems?\b|\bwetlands?\b|\briver restoration\b|\becolog\w*|\bbiodiversity\b|\briver ?banks?\b/i.test(text)) s.add('6.6');
  if (TRAINING_RE.test(text) || /\btechnical (?:cooperation|assistance)\b/i.test(text) || sectorCode === '14081') s.add('6.a');
  if (/\bcommunity (?:participation|-based|based|management)\b|\bwater users?'? associations?\b|\blocal communities\b/i.test(text)) s.add('6.b');
  if (s.size === 0) s.add('6.1');
  return SDG_ORDER.filter((t) => s.has(t));
}

// ---------------------------------------------------------------- cooperation modes and roles

const MODE_ORDER = ['EPC', 'EQUIPMENT_SUPPLY', 'EQUIPMENT_DONATION', 'TECHNICAL_TRAINING', 'JOINT_LABORATORY', 'DESIGN_CONSULTING', 'OPERATION_MAINTENANCE', 'INVESTMENT_PPP', 'JOINT_RESEARCH'];
const EPC_RE = /\bconstruct\w*|\bbuild(?:s|ing)?\b|\bbuilt\b|\bcontract(?:s|or|ors|ed)?\b|\brehabilitat\w*|\binstall\w*/i;
const EQUIPMENT_RE = /\bequipment\b|\bsupplies\b|\bmaterials?\b|\bvehicles?\b|\btrucks?\b|\bmachinery\b|\bdonat\w*/i;
const GRANT_RE = /\bgrants?\b|\bdonat\w*|\bgifts?\b/i;
const DESIGN_RE = /\bdesign\w*|\bfeasibility\b|\bstud(?:y|ies)\b|\bsurveys?\b|\bconsult\w*|\bmaster ?plans?\b/i;
const OM_RE = /\bmaintenance\b|\bmaintain\w*|\bO&M\b|\boperation and management\b|\bmanagement and operation\b|\boperat(?:e|es|ing) (?:and maintain|the)\b/i;
const LAB_RE = /\bdemonstration\b|\blaborator(?:y|ies)\b|\blab\b/i;
const PPP_RE = /\bPPP\b|\bpublic[- ]private partnership\b|\bbuild[- ]operate[- ]transfer\b|\bBOT\b|\bequity\b/;
const RESEARCH_RE = /\bjoint research\b|\bresearch (?:cooperation|cent(?:er|re)s?|project)\b/i;

function cooperationModesFor(text) {
  const m = new Set();
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

const TITLE_SUPPLY_RE = /\bequipment\b|\bsupplies\b|\bsupply of\b|\bmaterials?\b|\bvehicles?\b|\btrucks?\b|\bmachinery\b|\bexcavators?\b|\bdredgers?\b|\bacquisition of\b|\bdonates?\b/i;
const CONSTRUCT_RE = /\bcontractors?\b|\bconstruct\w*|\bEPC\b/i;

function roleFor(a) {
  if (TRAINING_RE.test(a.title)) return 'TRAINER';
  if (TITLE_SUPPLY_RE.test(a.title) && !CONSTRUCT_RE.test(a.title)) return 'SUPPLIER';
  if (CONSTRUCT_RE.test(a.text)) return 'EPC_CONTRACTOR';
  if (EQUIPMENT_RE.test(a.text)) return 'SUPPLIER';
  if (TRAINING_RE.test(a.text)) return 'TRAINER';
  return 'EPC_CONTRACTOR';
}

// ---------------------------------------------------------------- money

const ISO_CURRENCIES = new Set(
  ('USD EUR CNY GBP JPY CHF XOF XAF XPF XCD DJF LAK KES TZS UGX ETB NGN GHS ZMW MZN AOA PKR LKR BDT NPR MMK KHR VND IDR MYR THB PHP ' +
    'FJD PGK WST TOP VUV SBD BRL ARS BOB VES VEF PEN CUP COP CLP UYU MXN JMD TTD GYD SRD BBD BSD MNT KZT UZS KGS TJS TMT AFN IRR IQD ' +
    'JOD LBP SYP YER EGP SDG SSP MAD DZD TND LYD MUR SCR MGA MWK RWF BIF ZWL NAD BWP LSL SZL ZAR GMD GNF SLL SLE LRD CVE STN KMF ERN SOS ' +
    'MRU RUB BYN UAH RSD MKD ALL BAM TRY GEL AMD AZN INR MVR HKD MOP SGD KRW KPW NZD AUD CAD SAR AED QAR OMR KWD BHD ILS CDF').split(' '),
);
const CFA_XAF = new Set(['CM', 'CF', 'TD', 'CG', 'GQ', 'GA']);
const RUPEE = { LK: 'LKR', PK: 'PKR', IN: 'INR', NP: 'NPR', MU: 'MUR', SC: 'SCR', MV: 'MVR', ID: 'IDR' };
const MULTIPLIERS = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const MULT = String.raw`(?:\s?([Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)\b)?`;
const PREFIX_CUR = String.raw`(US\$|U\.S\.\s?\$|\$|€|£|₭|USD|RMB|CNY|EUR|FCFA|CFA|[A-Z]{3}(?:\s?\$)?)`;
const SUFFIX_CUR = String.raw`(US dollars?|U\.S\. dollars?|dollars?|Chinese [Yy]uan|[Yy]uan|[Rr]enminbi|RMB|CNY|USD|[Ee]uros?|EUR|FCFA|CFA(?: [Ff]rancs?)?|[Ff]rancs?|[Rr]upees?|[Kk]ina|[A-Z]{3})`;
const MONEY_RE = new RegExp(String.raw`(?<![\w$])${PREFIX_CUR}\s?${NUM}${MULT}|(?<![\w.,])${NUM}${MULT}\s?${SUFFIX_CUR}(?![\w])`, 'g');

function currencyFor(token, countryCode) {
  const t = token.replace(/\s/g, '');
  const u = t.toUpperCase();
  if (/^(US\$|U\.S\.\$|\$|USD|USDOLLARS?|U\.S\.DOLLARS?|DOLLARS?)$/.test(u)) return 'USD';
  if (/^(RMB|CNY|YUAN|CHINESEYUAN|RENMINBI)$/.test(u)) return 'CNY';
  if (/^(€|EUR|EUROS?)$/.test(u)) return 'EUR';
  if (u === '£') return 'GBP';
  if (u === '₭') return 'LAK';
  if (/^(FCFA|CFA|CFAFRANCS?)$/.test(u)) return CFA_XAF.has(countryCode) ? 'XAF' : 'XOF';
  if (/^FRANCS?$/.test(u)) return countryCode === 'KM' ? 'KMF' : countryCode === 'DJ' ? 'DJF' : CFA_XAF.has(countryCode) ? 'XAF' : 'XOF';
  if (/^RUPEES?$/.test(u)) return RUPEE[countryCode] ?? null;
  if (u === 'KINA') return 'PGK';
  const code = u.replace(/\$$/, '');
  if (/^[A-Z]{3}$/.test(t.replace(/\$$/, '')) && ISO_CURRENCIES.has(code)) return code;
  return null;
}

function extractMoney(text, countryCode) {
  MONEY_RE.lastIndex = 0;
  let m;
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

function budgetFor(title, description, countryCode) {
  return extractMoney(clean(title), countryCode) ?? extractMoney(clean(description), countryCode);
}

const SECURED_RE = /\b(?:signed|signs|provided|provides|granted|grants|extended|extends|committed|commits|approved|approves|disbursed|donated|donates|funded|funds|loaned|loans|gives|gave)\b(?:[^.;]|\.(?=\d)){0,120}?(?:\b(?:loans?|grants?|credits?|funding|financing|donations?|funds)\b|\$|\b(?:USD|RMB|CNY|EUR|F?CFA|yuan|kina|rupees|francs|million|billion)\b)|\b(?:loan|grant|credit|financing) agreements?\b|\b(?:funds|funded|finances|financed)\b/i;

// ---------------------------------------------------------------- enterprises

function formatYears(years) {
  if (years.length === 0) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

function listNames(names, max = 4) {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0] ?? '';
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more countries`;
}

function deriveEnterprise(company, countries) {
  // De-duplicate the track record by project id (first occurrence wins).
  const seen = new Set();
  const projects = [];
  for (const p of company.projects || []) {
    if (!p || seen.has(p.id)) continue;
    seen.add(p.id);
    const a = analyse(p.title, p.description, 2);
    const countryCode = countries.resolve(p.country);
    const year = Number.isInteger(p.year) ? p.year : null;
    projects.push({ p, a, countryCode, year });
  }
  const water = projects.filter((x) => x.a.isWater);
  return { company, projects, waterCount: water.length };
}

function buildEnterprise({ company, projects }, countries) {
  const water = projects.filter((x) => x.a.isWater);
  const years = projects.map((x) => x.year).filter((y) => y !== null);
  const countryCodes = new Set(projects.map((x) => x.countryCode).filter(Boolean));

  // Category frequency over water projects.
  const catProjects = new Map();
  for (const x of water) {
    const cats = x.a.categories.length ? x.a.categories : ['WATER_RESOURCES_MANAGEMENT'];
    x.cats = cats;
    for (const c of cats) {
      if (!catProjects.has(c)) catProjects.set(c, []);
      catProjects.get(c).push(x);
    }
  }
  const topCats = [...catProjects.entries()]
    .sort((a, b) => b[1].length - a[1].length || CATEGORY_ORDER.indexOf(a[0]) - CATEGORY_ORDER.indexOf(b[0]))
    .slice(0, MAX_CAPABILITIES);

  const topCatText = topCats
    .slice(0, 3)
    .map(([c, xs]) => `${CATEGORY_LABELS[c].toLowerCase()} (${xs.length})`)
    .join(', ');
  const yearText = years.length ? ` (${formatYears(years)})` : '';
  const description =
    `Track record of ${projects.length} project${projects.length === 1 ? '' : 's'} in ${countryCodes.size} ` +
    `${countryCodes.size === 1 ? 'country' : 'countries'}${yearText}, ${water.length} water-related: ${topCatText}. ` +
    `Derived from AidData GCDF 3.0.`;

  const capabilities = topCats.map(([cat, xs]) => {
    const codes = [...new Set(xs.map((x) => x.countryCode).filter(Boolean))].sort();
    const names = codes.map((c) => countries.byCode.get(c).nameEn);
    const ys = xs.map((x) => x.year).filter((y) => y !== null);
    const detail = [`${xs.length} project${xs.length === 1 ? '' : 's'}`, ys.length ? formatYears(ys) : null].filter(Boolean).join(', ');
    const where = names.length ? ` delivered in ${listNames(names)}` : ' delivered';
    const modes = new Set();
    for (const x of xs) for (const m of cooperationModesFor(x.a.text)) modes.add(m);
    return {
      technologyCategory: cat,
      description: `${CATEGORY_LABELS[cat]}${where} (${detail})`,
      trl: 9,
      cooperationModes: MODE_ORDER.filter((m) => modes.has(m)),
      countriesServed: codes,
    };
  });

  const ranked = [...projects].sort(
    (x, y) =>
      Number(y.a.isWater) - Number(x.a.isWater) ||
      (y.year ?? -1) - (x.year ?? -1) ||
      (x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0),
  );
  const referenceProjects = ranked.slice(0, MAX_PROJECTS_PER_COMPANY).map((x) => {
    const sectorCode = x.a.isWater ? sectorCodeFor(x.a.primary, x.a.text, x.a.title) : null;
    return {
      externalId: x.p.id,
      title: x.a.title,
      description: trimText(x.a.description),
      countryCode: x.countryCode,
      year: x.year,
      sectorCode,
      gcdfSector: x.p.sector ?? null,
      role: roleFor(x.a),
      technologyCategories: x.a.isWater ? (x.a.categories.length ? x.a.categories : ['WATER_RESOURCES_MANAGEMENT']) : [],
    };
  });

  return {
    externalId: company.id,
    nameEn: clean(company.name),
    parentGroup: company.parentGroup ?? null,
    countryCode: 'CN',
    description,
    referenceProjects,
    capabilities,
  };
}

// ---------------------------------------------------------------- needs

function deriveNeed(n, countryCode) {
  const a = analyse(n.title, n.description, 1);
  const cats = new Set(a.categories);
  let primary = SUBTYPE_PRIMARY[n.subtype] ?? null;
  if (n.subtype === 'wastewater/sewage/sanitation') {
    const ww = countMatches(CATEGORY_RULES.find(([c]) => c === 'WASTEWATER_TREATMENT')[1], a.text);
    const san = countMatches(CATEGORY_RULES.find(([c]) => c === 'SANITATION')[1], a.text);
    primary = ww > san ? 'WASTEWATER_TREATMENT' : 'SANITATION';
  }
  if (!primary) primary = a.primary;
  if (primary) cats.add(primary);
  const technologyCategories = CATEGORY_ORDER.filter((c) => cats.has(c));
  const sectorCode = sectorCodeFor(primary, a.text, a.title);
  const budget = budgetFor(n.title, n.description, countryCode);
  return {
    externalId: n.id,
    agencyExternalId: `agency-${countryCode.toLowerCase()}`,
    title: a.title,
    description: trimText(a.description),
    countryCode,
    site: null,
    sectorCode,
    sdgTargets: sdgTargetsFor(sectorCode, technologyCategories, a.text),
    cooperationModes: cooperationModesFor(a.text),
    technologyCategories,
    budgetMin: budget ? budget.amount : null,
    budgetMax: budget ? budget.amount : null,
    currency: budget ? budget.currency : null,
    fundingStatus: SECURED_RE.test(a.text) ? 'SECURED' : 'SEEKING',
    year: Number.isInteger(n.year) ? n.year : null,
  };
}

const idNum = (id) => {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
};

// ---------------------------------------------------------------- main

function main() {
  const args = parseArgs(process.argv.slice(2));
  const countries = loadCountries();
  const companies = readJsonl(path.join(args.data, 'companies.jsonl'));
  const openNeeds = readJsonl(path.join(args.data, 'open-needs.jsonl'));

  // Enterprises
  const candidates = companies
    .map((c) => deriveEnterprise(c, countries))
    .filter((x) => x.waterCount > 0)
    .sort(
      (x, y) =>
        y.waterCount - x.waterCount ||
        y.projects.length - x.projects.length ||
        (x.company.id < y.company.id ? -1 : x.company.id > y.company.id ? 1 : 0),
    );
  const enterprises = candidates.slice(0, MAX_ENTERPRISES).map((x) => buildEnterprise(x, countries));

  // Needs and agencies
  const needs = [];
  const skipped = { noCountry: 0, unknownCountry: [] };
  for (const n of openNeeds) {
    if (!n.country) {
      skipped.noCountry++;
      continue;
    }
    const code = countries.resolve(n.country);
    if (!code) {
      skipped.unknownCountry.push(n.country);
      continue;
    }
    needs.push(deriveNeed(n, code));
  }
  needs.sort((a, b) => idNum(a.externalId) - idNum(b.externalId) || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));

  const agencyCodes = [...new Set(needs.map((n) => n.countryCode))].sort();
  const agencies = agencyCodes.map((code) => {
    const c = countries.byCode.get(code);
    return {
      externalId: `agency-${code.toLowerCase()}`,
      nameEn: `${c.nameEn} Water Authority (demo)`,
      nameZh: `${c.nameZh}水务局（演示）`,
      countryCode: code,
    };
  });

  const output = {
    source: `${CREDIT} Derived by src/database/seed/derive-demo-data.mjs.`,
    enterprises,
    agencies,
    needs,
  };
  const json = `${JSON.stringify(output, null, 1)}\n`;
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, json);

  const refCount = enterprises.reduce((s, e) => s + e.referenceProjects.length, 0);
  const capCount = enterprises.reduce((s, e) => s + e.capabilities.length, 0);
  const unknown = skipped.unknownCountry.length ? `, ${skipped.unknownCountry.length} skipped (unknown country: ${[...new Set(skipped.unknownCountry)].join('; ')})` : '';
  console.log(
    `${path.relative(REPO, args.out)}: ${enterprises.length} enterprises (of ${candidates.length} with water projects; ` +
      `${refCount} reference projects, ${capCount} capabilities), ${agencies.length} agencies, ${needs.length} needs ` +
      `(${skipped.noCountry} skipped: no country${unknown}), ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB`,
  );
}

main();
