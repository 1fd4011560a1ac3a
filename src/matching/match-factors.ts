/** The factors of a match score, with what each means; weights are configuration (MATCH_WEIGHTS). */
export const FACTORS = {
  text: 'Track record matches the need’s words',
  similarProjects: 'A reference project closely resembles the need',
  countryExperience: 'Projects in the need’s country',
  countryRecency: 'Recent work in the need’s country',
  regionExperience: 'Projects elsewhere in the same region',
  sectorFit: 'Share of the track record in the need’s sector and technologies',
  capabilityFit: 'Declares capabilities in the need’s technologies',
  cooperationFit: 'Offers the cooperation modes the need asks for',
  budgetFit: 'Delivered projects of a value comparable to the budget',
  recency: 'Active around the time of the need',
  trackRecord: 'Size of the track record',
  countryActivity: 'Projects in the need’s country within three years of it',
  groupInCountry: 'Its group’s other members have projects in the need’s country',
  financierInCountry: 'Projects in the need’s country with the same financier',
  instrumentFit: 'Share of its projects financed the same way',
} as const;

export type FactorKey = keyof typeof FACTORS;

/**
 * Sectors of a reference project (OECD-DAC sector groups, as GCDF records them) whose work is not building anything:
 * telecommunications networks, and money or goods changing hands (debt relief, budget support, trade finance, food
 * aid…). An enterprise whose record is mostly there is in another trade, whatever words and countries it shares with
 * a water need: when less than half of its record builds works, its score is scaled down (the trade fit, see
 * match-scoring.ts).
 */
export const OTHER_TRADES: ReadonlySet<string> = new Set([
  'COMMUNICATIONS',
  'TRADE POLICIES AND REGULATIONS',
  'BUSINESS AND OTHER SERVICES',
  'ACTION RELATING TO DEBT',
  'GENERAL BUDGET SUPPORT',
  'OTHER COMMODITY ASSISTANCE',
  'DEVELOPMENTAL FOOD AID/FOOD SECURITY ASSISTANCE',
  'UNALLOCATED/UNSPECIFIED',
]);
export const FACTOR_KEYS = Object.keys(FACTORS) as FactorKey[];

/**
 * Defaults: the hand-set weights of issue 3, kept because no learned or pruned set beat them on the leave-one-out sets
 * with an interval above zero without losing on the dev split (npm run bench:quality, docs/MATCHING.md). Factors whose
 * removal loses nowhere (region, cooperation modes, budget) and the four factors added in issue 15 (no measurable
 * gain) weigh 0: their explanations stay, as information. capabilityFit stays for enterprises without a track record,
 * which no held-out project can represent.
 */
export const DEFAULT_WEIGHTS: Record<FactorKey, number> = {
  text: 0.5,
  similarProjects: 0.05,
  countryExperience: 0.1,
  countryRecency: 0.1,
  regionExperience: 0,
  sectorFit: 0.05,
  capabilityFit: 0.02,
  cooperationFit: 0,
  budgetFit: 0,
  recency: 0.1,
  trackRecord: 0.05,
  countryActivity: 0,
  groupInCountry: 0,
  financierInCountry: 0,
  instrumentFit: 0,
};

/** The factors a refit may weigh (learn-weights); the others are shown in explanations as information, with weight 0. */
export const LEARNED_FACTORS: readonly FactorKey[] = FACTOR_KEYS.filter((k) => DEFAULT_WEIGHTS[k] > 0);

/**
 * Reads MATCH_WEIGHTS (a JSON object of factor → non-negative weight; factors left out keep their default) and scales
 * the weights to add up to 1. Throws a readable message for anything else.
 */
export function parseMatchWeights(json: string | undefined): Record<FactorKey, number> {
  const weights = { ...DEFAULT_WEIGHTS };
  if (json !== undefined && json.trim() !== '') {
    let given: unknown;
    try {
      given = JSON.parse(json);
    } catch {
      throw new Error('must be a JSON object such as {"text": 0.3, "countryExperience": 0.2}');
    }
    if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new Error('must be a JSON object of factor weights');
    for (const [key, value] of Object.entries(given)) {
      if (!(key in FACTORS)) throw new Error(`has an unknown factor "${key}" (known: ${FACTOR_KEYS.join(', ')})`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new Error(`gives "${key}" a weight that is not a number ≥ 0`);
      weights[key as FactorKey] = value;
    }
  }
  const total = FACTOR_KEYS.reduce((sum, k) => sum + weights[k], 0);
  if (total <= 0) throw new Error('must give at least one factor a positive weight');
  for (const k of FACTOR_KEYS) weights[k] = weights[k] / total;
  return weights;
}

/** What is wrong with a MATCH_WEIGHTS value, or undefined when it is fine (checked when the configuration loads). */
export function matchWeightsProblem(json: string): string | undefined {
  try {
    parseMatchWeights(json);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
