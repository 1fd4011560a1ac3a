/** What Meilisearch stores. Documents are rebuilt from PostgreSQL, never patched, so applying one twice is harmless. */

export interface NeedDocument {
  id: string;
  title: string;
  description: string;
  site: string | null;
  countryCode: string;
  region: string;
  countryNames: string[];
  sectorCode: string;
  sdgTargets: string[];
  cooperationModes: string[];
  technologyCategories: string[];
  /** English and Chinese labels of the sector and categories, so either language finds the need. */
  categoryLabels: string[];
  budgetMin: number | null;
  budgetMax: number | null;
  currency: string | null;
  fundingStatus: string;
  /** Who finances it (canonical name), and how (a FinancingInstrument), when known. */
  financier: string | null;
  financingInstrument: string | null;
  status: string;
  organizationId: string;
  organizationName: string;
  publishedAt: number | null;
  createdAt: number;
}

export interface EnterpriseDocument {
  id: string;
  nameEn: string;
  nameZh: string | null;
  nameLocal: string | null;
  parentGroup: string | null;
  countryCode: string;
  description: string;
  verified: boolean;
  capabilityText: string;
  /** Categories of its capabilities and of its projects. */
  technologyCategories: string[];
  /** Categories of its capabilities alone: what it says it does, track record or not. */
  declaredCategories: string[];
  categoryLabels: string[];
  cooperationModes: string[];
  countriesServed: string[];
  countryNames: string[];
  regionsServed: string[];
  sectorCodes: string[];
  projectTitles: string[];
  projectCount: number;
  waterProjectCount: number;
}

export interface ReferenceProjectDocument {
  id: string;
  organizationId: string;
  organizationName: string;
  parentGroup: string | null;
  verified: boolean;
  title: string;
  description: string;
  countryCode: string | null;
  region: string | null;
  countryNames: string[];
  year: number | null;
  sectorCode: string | null;
  technologyCategories: string[];
  categoryLabels: string[];
  role: string;
  /** Who financed it (canonical name), and how (a FinancingInstrument), when known. */
  financier: string | null;
  financingInstrument: string | null;
}
