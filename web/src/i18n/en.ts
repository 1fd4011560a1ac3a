import { accountEn } from '../pages/account/messages';
import type { activitiesEn } from '../pages/activities/messages';
import type { coordinatorEn } from '../pages/coordinator/messages';
import type { matchEn } from '../pages/match/messages';
import type { programmesEn } from '../pages/programmes/messages';
import type { reportsEn } from '../pages/reports/messages';
import type { contributionsEn } from '../pages/contributions/messages';
import { agencyEn } from '../pages/agency/messages';
import { enterpriseEn } from '../pages/enterprise/messages';

/** Every string of the console in English; zh.ts must hold the same keys (its type is this one's). */
export const en = {
  app: { name: 'WaterBridge', tagline: 'Water needs of Belt and Road countries, matched with Chinese water enterprises' },
  nav: {
    needs: 'Open needs',
    enterprises: 'Enterprises',
    signIn: 'Sign in',
    signOut: 'Sign out',
    language: 'Language',
    myNeeds: 'My needs',
    opportunities: 'Opportunities',
    myMatches: 'My matches',
    myProfile: 'Our profile',
    reviewQueue: 'Review queue',
    statistics: 'Statistics',
    reports: 'Reports',
    organizations: 'Organisations',
    users: 'Users',
    inbox: 'Inbox',
    settings: 'Settings',
    menu: 'Menu',
    account: 'Account',
    activities: 'Activities',
    contributions: 'Contributions',
  },
  access: {
    refusedTitle: 'Not for your role',
    refused: 'This page is for: {{roles}}. You are signed in as: {{role}}.',
  },
  explanation: {
    score: 'Score',
    factors: 'What the score is made of',
    value: 'value',
    weight: 'weight',
    tradeFit: 'Trade fit',
    evidence: 'Projects cited as evidence',
    similarity: 'Similarity',
    rankedWith: 'Ranked with weights v{{version}}',
    rankedWithDefaults: 'Ranked with the default weights',
  },
  enterprises: {
    searchPlaceholder: 'Search enterprises in English or Chinese (e.g. membrane, 污水处理)',
    found: '{{count}} enterprises found',
    group: 'Group',
    basedIn: 'Based in',
    serves: 'Countries served',
    capabilities: 'Capabilities',
    trackRecord: 'Track record',
    countriesWorked: 'Countries worked in',
    countriesWorkedMap: 'World map of the countries {{name}} worked in, by number of projects; the same numbers are in the list beside it.',
    noCountries: 'No project names its country yet.',
    project: 'Project',
    year: 'Year',
    role: 'Role',
    value: 'Value',
    trl: 'Technology readiness',
    website: 'Website',
    noResults: 'No enterprise matches this search.',
    more: 'More enterprises',
  },
  common: {
    loading: 'Loading…',
    empty: 'Nothing here yet.',
    error: 'Something went wrong',
    errorCode: 'Code: {{code}}',
    retry: 'Try again',
    back: 'Back',
    notFound: 'This page does not exist.',
    home: 'Home',
    cancel: 'Cancel',
    reason: 'Reason',
    reasonRequired: 'Give a reason',
    required: 'Required',
    yes: 'Yes',
    no: 'No',
  },
  needs: {
    searchPlaceholder: 'Search needs in English or Chinese (e.g. rural water supply, 海水淡化)',
    found: '{{count}} needs found',
    country: 'Country',
    sector: 'Sector',
    status: 'Status',
    budget: 'Budget',
    deadline: 'Deadline',
    published: 'Published',
    agency: 'Posted by',
    financier: 'Financier',
    instrument: 'Financing instrument',
    population: 'People served',
    site: 'Site',
    technologies: 'Technologies',
    cooperation: 'Cooperation',
    sdg: 'SDG 6 targets',
    description: 'Description',
    allCountries: 'All countries',
    more: 'More needs',
    noResults: 'No need matches this search.',
  },
  status: {
    DRAFT: 'Draft',
    OPEN: 'Open',
    IN_REVIEW: 'In review',
    MATCHED: 'Matched',
    CLOSED: 'Closed',
    WITHDRAWN: 'Withdrawn',
  },
  matchStatus: {
    SUGGESTED: 'Awaiting review',
    SHORTLISTED: 'Shortlisted',
    APPROVED: 'Approved',
    INTRODUCED: 'Introduced',
    DECLINED: 'Declined',
    ENGAGED: 'Engaged',
    OUTCOME_RECORDED: 'Outcome recorded',
    REJECTED: 'Rejected',
    WITHDRAWN: 'Withdrawn',
    EXPIRED: 'Expired',
  },
  signIn: {
    title: 'Sign in to WaterBridge',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    required: 'Required',
    welcome: 'Signed in as {{name}}',
    demoAccounts: 'Demo accounts',
    demoHint: 'Choose one to fill in its e-mail; the password is printed when WaterBridge starts.',
  },
  instrument: {
    PREFERENTIAL_BUYERS_CREDIT: "Preferential buyer's credit",
    GOVERNMENT_CONCESSIONAL_LOAN: 'Government concessional loan',
    INTEREST_FREE_LOAN: 'Interest-free loan',
    GRANT: 'Grant or donation',
    EXPORT_BUYERS_CREDIT: "Export buyer's credit",
    SUPPLIERS_CREDIT: "Supplier's credit",
    COMMERCIAL_LOAN: 'Commercial loan',
    LOAN: 'Loan (terms not stated)',
    OTHER: 'Other',
  },
  projectRole: {
    DESIGNER: 'Designer',
    EPC_CONTRACTOR: 'EPC contractor',
    OPERATOR: 'Operator',
    SUPERVISOR: 'Supervisor',
    SUPPLIER: 'Supplier',
    TRAINER: 'Trainer',
  },
  role: {
    COORDINATOR: 'Coordinator (secretariat)',
    ADMIN: 'Administrator',
    ENTERPRISE_MEMBER: 'Enterprise member',
    AGENCY_MEMBER: 'Agency member',
  },
  agency: agencyEn,
  enterprise: enterpriseEn,
  account: accountEn,
};

/** The strings in the entry chunk (the header, the shared components, the needs and matching pages). */
export type CoreMessages = typeof en;

/**
 * Strings that load with their pages (`addMessages` in i18n/index.ts), so the first visit does not download them;
 * typed here all the same, so `t()` keys are checked against them too.
 */
export interface LazyMessages {
  coordinator: typeof coordinatorEn;
  match: typeof matchEn;
  activities: typeof activitiesEn;
  programmes: typeof programmesEn;
  contributions: typeof contributionsEn;
  reports: typeof reportsEn;
}

export type Messages = CoreMessages & LazyMessages;
