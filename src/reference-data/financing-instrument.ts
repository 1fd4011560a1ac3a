import { registerEnumType } from '@nestjs/graphql';

/**
 * How a project is financed: the instruments Chinese development finance uses, as GCDF records name them. Shared by
 * needs and reference projects; stored as the PostgreSQL enum `financing_instrument`.
 */
export enum FinancingInstrument {
  PREFERENTIAL_BUYERS_CREDIT = 'PREFERENTIAL_BUYERS_CREDIT',
  GOVERNMENT_CONCESSIONAL_LOAN = 'GOVERNMENT_CONCESSIONAL_LOAN',
  INTEREST_FREE_LOAN = 'INTEREST_FREE_LOAN',
  GRANT = 'GRANT',
  EXPORT_BUYERS_CREDIT = 'EXPORT_BUYERS_CREDIT',
  SUPPLIERS_CREDIT = 'SUPPLIERS_CREDIT',
  COMMERCIAL_LOAN = 'COMMERCIAL_LOAN',
  LOAN = 'LOAN',
  OTHER = 'OTHER',
}

registerEnumType(FinancingInstrument, {
  name: 'FinancingInstrument',
  description: 'How a need or a past project is financed.',
  valuesMap: {
    PREFERENTIAL_BUYERS_CREDIT: { description: "China Eximbank's preferential buyer's credit (PBC), in US dollars." },
    GOVERNMENT_CONCESSIONAL_LOAN: { description: "Government concessional loan (GCL), China Eximbank's RMB loan on the state's terms." },
    INTEREST_FREE_LOAN: { description: "The Chinese Government's interest-free (zero-interest) loan." },
    GRANT: { description: 'A grant, aid grant or donation (MOFCOM aid, embassy donations, equipment given).' },
    EXPORT_BUYERS_CREDIT: { description: "Export buyer's credit at commercial terms (a buyer's credit not called preferential)." },
    SUPPLIERS_CREDIT: { description: "Supplier's (seller's) credit or deferred payment granted by the contractor." },
    COMMERCIAL_LOAN: { description: 'A loan at commercial terms: commercial banks, syndicated or term loans, credit facilities.' },
    LOAN: { description: 'A loan whose terms the record does not name.' },
    OTHER: { description: 'Another instrument (equity, investment, a swap...).' },
  },
});
