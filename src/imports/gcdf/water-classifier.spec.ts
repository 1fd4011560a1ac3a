import {
  CATEGORY_ORDER,
  analyse,
  budgetFor,
  categoriesFromCompanyName,
  classifyNeed,
  classifyProject,
  cooperationModesFor,
  currencyFor,
  extractMoney,
  fundingStatusFor,
  primaryForSubtype,
  roleFor,
  sdgTargetsFor,
  sectorCodeFor,
  trimText,
} from './water-classifier';

describe('water classifier (GCDF texts)', () => {
  describe('technology categories and water-relatedness', () => {
    it('classifies a borehole project as groundwater wells, basic water supply 14031', () => {
      const p = classifyProject(
        'Chinese Government funds drilling of 200 boreholes in Niger',
        'The project drilled boreholes equipped with hand pumps in rural villages of the Tillaberi region.',
      );
      expect(p.isWater).toBe(true);
      expect(p.analysis.primary).toBe('GROUNDWATER_WELLS');
      expect(p.technologyCategories).toContain('GROUNDWATER_WELLS');
      expect(p.sectorCode).toBe('14031');
    });

    it('does not count oil wells as groundwater wells', () => {
      const a = analyse('CNPC drills oil wells in South Sudan', 'Exploration of the oil wells continued.', 2);
      expect(a.categories).not.toContain('GROUNDWATER_WELLS');
      expect(a.isWater).toBe(false);
    });

    it('does not make a stadium built "with water supply and drainage" water-related', () => {
      const p = classifyProject(
        'Chinese Government provides RMB 500 million interest-free loan for Zimpeto National Stadium Construction Project',
        'This project involved the construction of a stadium with 42,000 seats in the outlying Maputo suburb of Zimpeto, ' +
          'with water supply and drainage. Construction ended in November 2010.',
      );
      expect(p.isWater).toBe(false);
      expect(p.sectorCode).toBeNull();
      expect(p.technologyCategories).toEqual([]);
    });

    it('makes a description substantially about water infrastructure water-related even with a neutral title', () => {
      const a = analyse(
        'China Eximbank provides loan for Kigali Urban Development Project',
        'The project builds water supply pipelines, a sewage network and a drainage system. The water supply serves 300,000 ' +
          'people; the sewage is treated before discharge and the drainage protects against floods.',
        2,
      );
      expect(a.isWater).toBe(true);
      expect(a.categories).toEqual(['WASTEWATER_TREATMENT', 'FLOOD_CONTROL_DRAINAGE', 'WATER_SUPPLY_NETWORKS']);
    });

    it('classifies a hydropower dam as dams/reservoirs and hydropower, not water supply', () => {
      const p = classifyProject(
        'China Eximbank provides loan for Bui Hydropower Dam Project',
        'The 400 MW hydropower dam on the Black Volta river was completed in 2013.',
      );
      expect(p.isWater).toBe(true);
      expect(p.technologyCategories).toEqual(['DAMS_RESERVOIRS', 'HYDROPOWER']);
      expect(p.technologyCategories).not.toContain('WATER_SUPPLY_NETWORKS');
      expect(p.technologyCategories).not.toContain('DRINKING_WATER_TREATMENT');
      expect(p.sectorCode).toBe('14040');
    });

    it('gives a hydroelectric power station without a dam the general water sector 14020', () => {
      const p = classifyProject('Sinohydro builds Nam Ngum 5 Hydroelectric Power Station', 'A 120 MW station in Laos.');
      expect(p.analysis.primary).toBe('HYDROPOWER');
      expect(p.sectorCode).toBe('14020');
    });

    it('ignores water words inside company and ministry names ("China Hydropower Construction Group donates a school")', () => {
      const a = analyse(
        'China Hydropower Construction Group donates a school to Cambodia',
        'China Hydropower Construction Group Corporation donated a primary school building in Kampong Speu.',
        2,
      );
      expect(a.categories).not.toContain('HYDROPOWER');
      expect(a.primary).toBeNull();
      expect(a.isWater).toBe(false);
    });

    it('treats "water" in a title as water-related, but not a deep water port or a waterfront', () => {
      expect(analyse('Rural Water Project in Bo District', '', 2).isWater).toBe(true);
      expect(analyse('Construction of Kribi Deep Water Port', '', 2).isWater).toBe(false);
      expect(analyse('Colombo Water Front Development', '', 2).isWater).toBe(false);
    });

    it('does not count wastewater treatment as drinking water treatment', () => {
      const a = analyse('Wastewater treatment plant in Da Nang', '', 2);
      expect(a.categories).toEqual(['WASTEWATER_TREATMENT']);
    });

    it('lists categories in the canonical order and the first title category is primary', () => {
      const a = analyse('Irrigation canal and pumping station for the Gezira scheme', '', 2);
      expect(a.categories).toEqual(['IRRIGATION', 'PUMPING_STATIONS', 'WATER_RESOURCES_MANAGEMENT']);
      expect(a.primary).toBe('IRRIGATION');
      expect([...a.categories].sort((x, y) => CATEGORY_ORDER.indexOf(x) - CATEGORY_ORDER.indexOf(y))).toEqual(a.categories);
    });
  });

  describe('open needs', () => {
    it('classifies the Wad Medani Water Treatment Plant need: drinking water treatment, 14021, SDG 6.1', () => {
      const n = classifyNeed(
        'China Eximbank provides $28.9 million USD loan for Wad Medani Water Treatment Plant Project (Linked to #56605)',
        'On 5 April 2006, China Eximbank and the Government of Sudan signed a $28.9 million USD loan agreement for the Wad Medani ' +
          'Water Treatment Project. The proceeds from this loan were used to finance a commercial contract for the construction of ' +
          'the Wad Medani Water Treatment Plant.',
        'water treatment',
        'SD',
      );
      expect(n.primary).toBe('DRINKING_WATER_TREATMENT');
      expect(n.technologyCategories).toContain('DRINKING_WATER_TREATMENT');
      expect(n.sectorCode).toBe('14021');
      expect(n.sdgTargets).toEqual(['6.1']);
      expect(n.cooperationModes).toContain('EPC');
      expect(n.budget).toEqual({ amount: 28_900_000, currency: 'USD' });
      expect(n.fundingStatus).toBe('SECURED');
    });

    it('lets the GCDF subtype decide the primary category of a need', () => {
      const n = classifyNeed('Water project in Kassala', 'Pipes and pumps for the town.', 'wells/boreholes', 'SD');
      expect(n.primary).toBe('GROUNDWATER_WELLS');
      expect(n.technologyCategories).toContain('GROUNDWATER_WELLS');
      expect(n.sectorCode).toBe('14031');
    });

    it('resolves the wastewater/sewage/sanitation subtype from the text', () => {
      expect(primaryForSubtype('wastewater/sewage/sanitation', 'Sewage network and wastewater treatment plant')).toBe(
        'WASTEWATER_TREATMENT',
      );
      expect(primaryForSubtype('wastewater/sewage/sanitation', 'Latrines for 40 schools')).toBe('SANITATION');
      expect(primaryForSubtype('other', 'anything')).toBeNull();
      expect(primaryForSubtype(undefined, 'anything')).toBeNull();
    });

    it('gives school latrines basic sanitation 14032 and SDG 6.2', () => {
      const n = classifyNeed(
        'Latrines for rural schools in Malawi',
        'Construction of latrines in 40 schools.',
        'wastewater/sewage/sanitation',
        'MW',
      );
      expect(n.sectorCode).toBe('14032');
      expect(n.sdgTargets).toContain('6.2');
    });

    it('has no budget and SEEKING funding when the text names no money', () => {
      const n = classifyNeed(
        'Kassala drinking water supply',
        'The town needs funding for a new water supply system.',
        'water supply',
        'SD',
      );
      expect(n.budget).toBeNull();
      expect(n.fundingStatus).toBe('SEEKING');
    });
  });

  describe('sector codes and SDG targets', () => {
    it('maps irrigation, flood control and wastewater to their CRS codes', () => {
      expect(sectorCodeFor('IRRIGATION', 'irrigation scheme', 'Irrigation')).toBe('31140');
      expect(sectorCodeFor('FLOOD_CONTROL_DRAINAGE', 'flood control dyke', 'Dyke')).toBe('41050');
      expect(sectorCodeFor('WASTEWATER_TREATMENT', 'sewage plant', 'Sewage')).toBe('14022');
    });

    it('gives a training-only project 14081 and SDG 6.a', () => {
      const code = sectorCodeFor(null, 'Training course on water resources management', 'Training course on water resources management');
      expect(code).toBe('14081');
      expect(sdgTargetsFor(code, [], 'Training course')).toContain('6.a');
    });

    it('adds 6.6 for ecosystem restoration and 6.b for community participation', () => {
      const sdgs = sdgTargetsFor('14040', ['DAMS_RESERVOIRS'], 'Reservoir with wetland restoration and community participation');
      expect(sdgs).toEqual(['6.5', '6.6', '6.b']);
    });
  });

  describe('cooperation modes and roles', () => {
    it('distinguishes donated from supplied equipment', () => {
      expect(cooperationModesFor('China donated water pumping equipment')).toEqual(['EQUIPMENT_DONATION']);
      expect(cooperationModesFor('Supply of equipment for the water utility')).toEqual(['EQUIPMENT_SUPPLY']);
    });

    it('defaults to EPC and keeps the canonical order', () => {
      expect(cooperationModesFor('Something about water')).toEqual(['EPC']);
      expect(cooperationModesFor('Feasibility study, construction and training of technicians, under a BOT contract')).toEqual([
        'EPC',
        'TECHNICAL_TRAINING',
        'DESIGN_CONSULTING',
        'INVESTMENT_PPP',
      ]);
    });

    it('derives the role from the title first', () => {
      expect(roleFor(analyse('Training course for Ethiopian water technicians', 'Built on earlier construction.', 2))).toBe('TRAINER');
      expect(roleFor(analyse('China donates 20 water trucks to Tonga', '', 2))).toBe('SUPPLIER');
      expect(roleFor(analyse('Construction of water supply equipment plant', '', 2))).toBe('EPC_CONTRACTOR');
      expect(roleFor(analyse('Kigali water project', 'The contractor was CCECC.', 2))).toBe('EPC_CONTRACTOR');
    });
  });

  describe('money', () => {
    it('reads "$28.9 million USD loan" as 28,900,000 USD', () => {
      expect(extractMoney('China Eximbank provides $28.9 million USD loan', 'SD')).toEqual({ amount: 28_900_000, currency: 'USD' });
    });

    it('reads "RMB 66.33 million grant" as CNY', () => {
      expect(extractMoney('Chinese Government provides RMB 66.33 million grant', 'LA')).toEqual({ amount: 66_330_000, currency: 'CNY' });
    });

    it('reads CFA francs as XOF in West Africa and XAF in Central Africa', () => {
      expect(extractMoney('a loan of 7 billion FCFA', 'ML')).toEqual({ amount: 7_000_000_000, currency: 'XOF' });
      expect(extractMoney('a loan of 7 billion FCFA', 'TD')).toEqual({ amount: 7_000_000_000, currency: 'XAF' });
    });

    it('reads thousands separators and bare ISO codes, and local rupees', () => {
      expect(extractMoney('a grant of 69,000 TOP', 'TO')).toEqual({ amount: 69_000, currency: 'TOP' });
      expect(extractMoney('LKR 1.5 billion', 'LK')).toEqual({ amount: 1_500_000_000, currency: 'LKR' });
      expect(currencyFor('rupees', 'LK')).toBe('LKR');
      expect(currencyFor('francs', 'DJ')).toBe('DJF');
    });

    it('does not take a year like "2016 USD" for an amount', () => {
      expect(extractMoney('costs are expressed in 2016 USD', 'US')).toBeNull();
    });

    it('skips capitals that are not currencies', () => {
      expect(extractMoney('phase 2 of the WTP 3 project', 'SD')).toBeNull();
      expect(currencyFor('ABC', 'SD')).toBeNull();
    });

    it('takes the budget from the title first, then the description', () => {
      expect(budgetFor('RMB 10 million grant', 'Later a $5 million loan was added.', 'LA')).toEqual({
        amount: 10_000_000,
        currency: 'CNY',
      });
      expect(budgetFor('Water project', 'A $5 million loan.', 'LA')).toEqual({ amount: 5_000_000, currency: 'USD' });
      expect(budgetFor('Water project', 'No money named.', 'LA')).toBeNull();
    });
  });

  describe('funding status', () => {
    it('is SECURED when a loan was signed', () => {
      expect(fundingStatusFor('In 2015 China Eximbank signed a $50 million loan agreement with Kenya.')).toBe('SECURED');
    });

    it('is SEEKING when the text says it needs funding', () => {
      expect(fundingStatusFor('The municipality needs funding for a new wastewater plant.')).toBe('SEEKING');
    });

    it('stays SEEKING for an in-kind donation of goods without an amount', () => {
      expect(fundingStatusFor('China donated 20 water pumps to the village.')).toBe('SEEKING');
    });
  });

  describe('text helpers', () => {
    it('normalises whitespace and trims long texts on a word boundary with an ellipsis', () => {
      expect(trimText('  a\n\n b  ')).toBe('a b');
      const long = trimText('word, '.repeat(400));
      expect(long.length).toBeLessThanOrEqual(1200);
      expect(long.endsWith('word…')).toBe(true);
    });
  });

  describe('company names', () => {
    it('reads the line of business a company name states, in English or Chinese', () => {
      expect(categoriesFromCompanyName('North China Nonferrous Engineering Survey Institute Co., Ltd')).toEqual(['GROUNDWATER_WELLS']);
      expect(categoriesFromCompanyName('Gansu Geological Engineering Co., Ltd.')).toEqual(['GROUNDWATER_WELLS']);
      expect(categoriesFromCompanyName('Beijing Enterprises Water Group Limited (BEWG)')).toEqual([
        'WASTEWATER_TREATMENT',
        'DRINKING_WATER_TREATMENT',
        'WATER_SUPPLY_NETWORKS',
      ]);
      expect(categoriesFromCompanyName('Guangdong Yuanda Water Conservancy & Hydro Power Group Co.,Ltd')).toEqual([
        'IRRIGATION',
        'FLOOD_CONTROL_DRAINAGE',
        'DAMS_RESERVOIRS',
        'HYDROPOWER',
        'WATER_RESOURCES_MANAGEMENT',
      ]);
      expect(categoriesFromCompanyName('北京市水利规划设计研究院')).toEqual([
        'IRRIGATION',
        'FLOOD_CONTROL_DRAINAGE',
        'DAMS_RESERVOIRS',
        'WATER_RESOURCES_MANAGEMENT',
      ]);
      expect(categoriesFromCompanyName('Tianjin Municipal Engineering Design & Research Institute')).toEqual([
        'WASTEWATER_TREATMENT',
        'FLOOD_CONTROL_DRAINAGE',
        'WATER_SUPPLY_NETWORKS',
      ]);
    });

    it('names nothing for companies of other trades', () => {
      expect(categoriesFromCompanyName('China Road and Bridge Corporation (CRBC)')).toEqual([]);
      expect(categoriesFromCompanyName('Tianjin Research Institute for Water Transport Engineering')).toEqual([]);
      expect(categoriesFromCompanyName('Huawei Technologies Co., Ltd.')).toEqual([]);
    });
  });
});
