import { FinancingInstrument } from '../../reference-data/financing-instrument';
import { financierIn, financingOf, instrumentIn, needTitle, quantitiesIn, stripCrossReferences, wordNeed } from './need-wording';

// Real GCDF 3.0 titles (open-needs.jsonl and dev-needs.jsonl of the gcdf-water extract) and the need each becomes.
const TITLES: Array<[string, string, string?]> = [
  // A loan for a named facility: the lender, the amount and the loan terms go; the facility is to be built.
  [
    'China Eximbank provides $28.9 million USD loan for Wad Medani Water Treatment Plant Project (Linked to #56605)',
    'Construction of the Wad Medani Water Treatment Plant',
    'The proceeds were used to finance a commercial contract for the construction of the Wad Medani 100,000-ton Water Treatment Plant.',
  ],
  // Without a word about building it, a named project stays a project.
  ['China Eximbank provides $34.1 million USD loan for Dongola Water Supply Project', 'Dongola Water Supply Project'],
  [
    'CDB provides $19 million loan for Tchindjendje Water Supply System Construction Project (Linked to Project ID#66847 and #65748)',
    'Construction of the Tchindjendje Water Supply System',
  ],
  [
    'China Eximbank provides RMB 50 million government concessional loan for Irrigation Dam Construction Project (Linked to Umbrella Project ID#56599)',
    'Construction of the Irrigation Dam',
  ],
  [
    'Chinese Government provides $8.1 million for the Kuy-Mazar Pumping Station Rehabilitation Project',
    'Rehabilitation of the Kuy-Mazar Pumping Station',
  ],
  [
    'Chinese Government provides $2.1 million loan for Damkhoja Interregional Water Pipe Modernization Project',
    'Modernization of the Damkhoja Interregional Water Pipe',
  ],
  // Phases, places after the project name, "via" clauses, bracketed programme tags.
  [
    'Chinese Government provides RMB 75 million grant for Phase 1 of Russaifah Water Network Reconstruction Project (Linked to Project ID#41242 and ID#64723)',
    'Reconstruction of the Russaifah Water Network (phase 1)',
  ],
  [
    'Chinese Government provides $17.2 million USD for the Chukurbulak Dam Construction Project on the Khorgos River',
    'Construction of the Chukurbulak Dam on the Khorgos River',
  ],
  [
    'Bank of China contributes $332 million to $381.7 million syndicated loan tranche — via EPC+F arrangement — for Kafulafuta Water Supply System Project',
    'Construction of the Kafulafuta Water Supply System',
    'The EPC+F contract covers the construction of the Kafulafuta Water Supply System.',
  ],
  [
    '[China Co-Financing Fund] IDB administers $30 million loan from CHC for Ciudad de la Costa-West Area Sanitation Project',
    'Ciudad de la Costa-West Area Sanitation Project',
  ],
  [
    'China Co-Financing Fund] IDB administers $50 million loan from CHC for Panama City and Bay Sanitation Program II',
    'Panama City and Bay Sanitation Program II',
  ],
  // Drilling programmes: the count and the place are kept.
  [
    'Chinese Government provides RMB 14 million grant for Tillabéri and Dosso Borehole Drilling Project',
    'Drilling of boreholes in Tillabéri and Dosso',
  ],
  ['Chinese Government provides grant for 85 Water Wells Drilling Project in Guinea', 'Drilling of 85 water wells in Guinea'],
  ['China Grants 10 Million Chinese Yuan to Drill 58 Boreholes in Rwanda', 'Drilling of 58 Boreholes in Rwanda'],
  ['Chinese Government helps Cambodia Drill 500 Wells', 'Drilling of 500 Wells'],
  ['China grants 7 billion FCFA for the construction of 50 bore holes in Mali (linked to #1547)', 'Construction of 50 bore holes in Mali'],
  // Equipment: what is acquired or supplied, and for whom.
  [
    'Chinese Government provides $10 million USD loan for acquisition of pumps, irrigation equipment, and generators',
    'Acquisition of pumps, irrigation equipment, and generators',
  ],
  [
    "China Eximbank provides $28.5 million preferential buyer's credit to faciliate the acquistion of dredgers (linked to #70581)",
    'Acquisition of dredgers',
  ],
  [
    'China Eximbank provides $10 million loan for dump trucks for Rezaksaysky Reservoir Construction Project',
    'Supply of dump trucks for the construction of the Rezaksaysky Reservoir',
  ],
  ['China donates 30 garbage trucks to Uganda', 'Supply of 30 garbage trucks to Uganda'],
  [
    'China provides 200 trash cans worth 500,000 MVR for waste disposal to Maldives (Linked to project #54985)',
    'Supply of 200 trash cans for waste disposal to Maldives',
  ],
  ['China gives Sudan $14.6 million for the Supply of Water Containers', 'Supply of Water Containers'],
  [
    'Bolivian Army Construction Command Receives 49 million RMB Grant of Water Drilling Equipment from China',
    'Supply of Water Drilling Equipment to Bolivian Army Construction Command',
  ],
  [
    'Chinese Government provides a grant of waste removal and treatment equipment and dam construction equipment to Bolivia',
    'Supply of waste removal and treatment equipment and dam construction equipment to Bolivia',
  ],
  // Wells are built, not delivered; a single one gets its article.
  [
    'Chinese Embassy donates four wells to Chiradzulu district in Malawi (Linked to Project ID#57912)',
    'Construction of four wells for Chiradzulu district in Malawi',
  ],
  [
    'Chinese Consulate General in Lagos donates a borehole to the University of Lagos',
    'Construction of a borehole for the University of Lagos',
  ],
  ['China helped Malawi build two wells in the Balaka region', 'Construction of two wells in the Balaka region'],
  // An undisclosed company as subject ("[a company]", the benchmark's mask) is dropped too.
  ['[a company] Co., Ltd. donates 7 wells to Chad', 'Construction of 7 wells for Chad'],
  [
    'State-owned [a company] funds RMB 9.5 million to dig water storage ponds for locals in Kenya',
    'Digging of water storage ponds for locals in Kenya',
  ],
  ['[a company] signs MoU with Sierra Leone for the Rokel River water supply project', 'Rokel River water supply project'],
  [
    "China Eximbank provides $62 million preferential buyer's credit for [a company] River Pump Irrigation Project",
    'River Pump Irrigation Project',
  ],
  // Studies, training, support without a named purpose, and records with no verb.
  [
    'Chinese Government provides a detailed feasibility study for Eastern Tarai Irrigation System',
    'Detailed feasibility study for Eastern Tarai Irrigation System',
  ],
  [
    'China provides irrigation methods and farming techniques to Tajik communities',
    'Training in irrigation methods and farming techniques for Tajik communities',
  ],
  ['20 Agricultural technicians receive training in China', 'Training of 20 agricultural technicians in China'],
  [
    "MOFCOM provides RMB 50 million interest-free loan — via ETCA — to Cameroon's Ministry of Water Resources and Energy (MINEE) for unspecified purposes (Linked to Project ID#339)",
    "Support to Cameroon's Ministry of Water Resources and Energy (MINEE) (purpose unspecified)",
  ],
  [
    'Hong Kong and Manila Branches of Bank of China provide EUR 250 million syndicated loan to Manila Water Company to support its 2019-2020 capital investment program',
    "Support for Manila Water Company's 2019-2020 capital investment program",
  ],
  ["China donates 500,000 rupees to Sri Lankan Svillaga Blind Children's Home", "Support to Sri Lankan Svillaga Blind Children's Home"],
  ['China Development bank loan for the improvement of Cuban sanitary facilities', 'Improvement of Cuban sanitary facilities'],
  [
    '228,500 USD drawn down from ETCA credit line for now-cancelled projects to improve Tosagua sewage and Portovelo Potable Water Plant',
    'Improvement of Tosagua sewage and Portovelo Potable Water Plant',
  ],
  // Dates of the event are not part of what is needed.
  ['Dongguan Municipal Government donates 110 water tanks in August 2018 worth RMB 800,000', 'Supply of 110 water tanks'],
  [
    'Chinese Embassy provides funding for the construction of the Mabrouka Village Water Tower in 2018',
    'Construction of the Mabrouka Village Water Tower',
  ],
];

describe('needTitle', () => {
  // A rest parameter: jest takes a test function declaring more parameters than its row has values for one awaiting `done`.
  it.each(TITLES)('%s', (...[source, expected, description]: [string, string, string?]) => {
    expect(needTitle(source, description)).toBe(expected);
  });

  it('never leaves a lender as subject, an amount or a cross-reference in a real title', () => {
    for (const [source, , description] of TITLES) {
      const title = needTitle(source, description);
      expect(title).not.toMatch(/\b(?:provides|grants|donates|loans)\b|Eximbank|#\d|\blinked\b|\$\d|\bRMB\b/i);
    }
  });

  it('keeps a title that is already a need', () => {
    expect(needTitle('Irrigation canal rehabilitation')).toBe('Irrigation canal rehabilitation');
    expect(needTitle('Boreholes for Mali')).toBe('Boreholes for Mali');
  });
});

describe('stripCrossReferences', () => {
  it('drops linked-record parentheses and sentences that only point to another record, and keeps every other fact', () => {
    const text =
      'On 5 April 2006, China Eximbank and the Government of Sudan signed a $28.9 million USD loan agreement for the Wad Medani Water Treatment Project (see Project ID#56605). ' +
      'The contract covers the Wad Medani 100,000-ton Water Treatment Plant. The second project is captured in Project #56605. ' +
      'Medical equipment was also donated at the same ceremony (#56630). See Project ID#65748 for other water and energy projects financed through the 2015 CDB facility.';
    expect(stripCrossReferences(text)).toBe(
      'On 5 April 2006, China Eximbank and the Government of Sudan signed a $28.9 million USD loan agreement for the Wad Medani Water Treatment Project. ' +
        'The contract covers the Wad Medani 100,000-ton Water Treatment Plant. Medical equipment was also donated at the same ceremony.',
    );
  });
});

describe('financierIn', () => {
  it.each([
    ['China Eximbank provides $171 million buyer’s credit loan', 'Export-Import Bank of China'],
    ['CDB provides loan for Tchicala-Tcholoanga Water Supply System', 'China Development Bank'],
    ['Hong Kong and Manila Branches of Bank of China provide EUR 250 million', 'Bank of China'],
    ["the People's Bank of China (PBOC) signed an agreement for the Africa Growing Together Fund", 'Africa Growing Together Fund'],
    ['ICBC Indonesia provides IDR 102 billion loan', 'Industrial and Commercial Bank of China'],
    ['Chinese Embassy in Sri Lanka donates water purification facilities', 'Embassy of China'],
    ['China donates 30 garbage trucks to Uganda', 'Government of China'],
    ['The Ministry of Water of Kenya', null],
  ])('%s -> %s', (text, expected) => {
    expect(financierIn(text)).toBe(expected);
  });
});

// Real titles and sentences of the gcdf-water extract (companies.jsonl, dev-needs.jsonl).
const I = FinancingInstrument;

describe('instrumentIn', () => {
  it.each([
    [
      "China Eximbank provides $62 million preferential buyer's credit for Chico River Pump Irrigation Project",
      I.PREFERENTIAL_BUYERS_CREDIT,
    ],
    [
      'China Eximbank provides RMB 220 million government concessional loan for Cotonou Administrative Tower Project',
      I.GOVERNMENT_CONCESSIONAL_LOAN,
    ],
    [
      'China Eximbank provides $50 million concessional loan for Maputo International Airport Modernization and Expansion Project',
      I.GOVERNMENT_CONCESSIONAL_LOAN,
    ],
    ['Chinese Government provides RMB 50 million interest-free loan for Swimming Pool Construction Project', I.INTEREST_FREE_LOAN],
    ['Chinese Government provides RMB 66.33 million grant for Zinder Water Supply Project', I.GRANT],
    ['Chinese Government donates cataract surgery equipment to Chitungwiza Central Hospital', I.GRANT],
    ['China grants Mali 400 million CFA for the Sino-Malian Cooperation Solar Energy Based Pilot Project for Kirina', I.GRANT],
    [
      "China Eximbank provides $174.25 million buyer's credit loan for Belarusian Cement Plant Construction Project",
      I.EXPORT_BUYERS_CREDIT,
    ],
    [
      'Bank of China contributes $460 million to $1.381 billion syndicated buyer’s credit for 1320 MW Coal-Fired Emba Hunutlu Power Station',
      I.EXPORT_BUYERS_CREDIT,
    ],
    ["CAMCE provides $40 million supplier's credit for agricultural machinery", I.SUPPLIERS_CREDIT],
    [
      'Sinohydro provides $83.8 million — via deferred payment agreement — for Adenta-Dodowa Dual Carriageway (Phase 1, Lot 5) Project',
      I.SUPPLIERS_CREDIT,
    ],
    ['China Development Bank contributes to $250 million syndicated loan for Extension of Petroleum Pipeline System', I.COMMERCIAL_LOAN],
    ['China Construction Bank provides $39.5 million loan for Libreville Sports Palace Construction Project', I.COMMERCIAL_LOAN],
    ['CDB provides $16.4 million loan for battery plant in Brest', I.LOAN],
    ['China builds Confucius Institute in Addis Adaba', null],
  ])('%s -> %s', (text, expected) => {
    expect(instrumentIn(text)).toBe(expected);
  });

  it('takes the phrase named first, and a specific one over a plain loan wherever it stands', () => {
    // "interest-free loan" before "loan", "preferential buyer's credit" before "buyer's credit", at the same place.
    expect(instrumentIn('The loan was provided as a preferential buyer’s credit (PBC) at 2% interest')).toBe(I.PREFERENTIAL_BUYERS_CREDIT);
    expect(instrumentIn('The grant was followed by an interest-free loan in 2009')).toBe(I.GRANT);
  });
});

describe('financingOf', () => {
  it("reads the lender and the instrument from the title, and a plain loan's terms from the description", () => {
    // gcdf-1222 (companies.jsonl): a concessional loan named in the title.
    expect(
      financingOf(
        'China Eximbank provides $50 million concessional loan for Maputo International Airport Modernization and Expansion Project (Linked to Project ID#21389, #72890)',
        'On September 25, 2008, the Government of Mozambique and China Eximbank signed a $23 million government concessional loan agreement.',
      ),
    ).toEqual({ financier: 'Export-Import Bank of China', instrument: I.GOVERNMENT_CONCESSIONAL_LOAN });
    expect(
      financingOf(
        'CDB provides loan for Kalawa Aragam 10MW Biomass Power Plant Project',
        'China Development Bank provided a commercial loan at an interest rate of 6-month LIBOR plus 3.5%.',
      ),
    ).toEqual({ financier: 'China Development Bank', instrument: I.COMMERCIAL_LOAN });
    // gcdf-237 (dev-needs.jsonl): the title says nothing of the terms, the description says grant.
    expect(
      financingOf(
        'Chinese Government provides EUR 4 million for Poilão Dam Construction Project',
        'The Government of Cape Verde reportedly financed this project with EUR 4 million of grant funding from an Economic and Technical Cooperation Agreement (ETCA).',
      ),
    ).toEqual({ financier: 'Government of China', instrument: I.GRANT });
  });

  it('does not let a grant of a linked record turn a loan into a grant', () => {
    expect(
      financingOf('China Eximbank provides loan for Phase 2 of Saurimo Road Rehabilitation Project', 'Phase 1 was financed by a grant.'),
    ).toEqual({ financier: 'Export-Import Bank of China', instrument: I.LOAN });
  });

  it('names no financier when a company acts on its own account, unless it is a known financier', () => {
    expect(financingOf('China Road & Bridge donates school supplies to National School of Binton in Equatorial Guinea', '')).toEqual({
      financier: null,
      instrument: I.GRANT,
    });
    expect(financingOf('PowerChina donates supplies to Addis Hiwot Center of the Blind', null).financier).toBe(
      'Power Construction Corporation of China (PowerChina)',
    );
  });
});

describe('quantitiesIn', () => {
  it('finds capacities, lengths and counted items once each', () => {
    expect(quantitiesIn('a 100,000 m3/day plant, 25 km of mains, 598 boreholes and 540 hand pumps; 25 km of mains again; 43.5 MW')).toEqual(
      ['100,000 m3/day', '25 km', '598 boreholes', '540 hand pumps', '43.5 MW'],
    );
  });
});

describe('wordNeed', () => {
  const title = 'China Eximbank provides $171 million buyer’s credit loan -- via EPCF arrangement -- for Bosto Dam Water Supply Project';
  const description =
    'On 3 May 2017, China Eximbank signed a $171 million buyer’s credit loan for the construction of a water treatment plant of 30,000 m3/day and 25 km of mains for the town of Bosto (see Project ID#58811). ' +
    'The contractor was [a company]. This grant is captured in linked project ID #55498.';

  it('opens with what is needed, its place, quantities and financier, and keeps the record below without cross-references', () => {
    const w = wordNeed(title, description, 'Ethiopia');
    expect(w.title).toBe('Bosto Dam Water Supply Project');
    expect(w.financier).toBe('Export-Import Bank of China');
    expect(w.instrument).toBe(FinancingInstrument.EXPORT_BUYERS_CREDIT);
    expect(w.description).toBe(
      'Bosto Dam Water Supply Project in Ethiopia. Scope named in the record: 30,000 m3/day; 25 km. Financing: Export-Import Bank of China.\n\n' +
        'Background (from the record): On 3 May 2017, China Eximbank signed a $171 million buyer’s credit loan for the construction of a water treatment plant of 30,000 m3/day and 25 km of mains for the town of Bosto. The contractor was a Chinese company.',
    );
  });

  it('names no financier when the subject is an undisclosed company, and copes with an empty description', () => {
    const w = wordNeed('[a company] builds four wells in Malabo (linked to #72034)', null, 'Equatorial Guinea');
    expect(w).toEqual({
      title: 'Construction of four wells in Malabo',
      financier: null,
      instrument: null,
      description: 'Construction of four wells in Malabo in Equatorial Guinea. Scope named in the record: four wells.',
    });
  });
});
