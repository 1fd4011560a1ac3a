/** The agency pages' strings; agencyZh must hold the same keys (its type is agencyEn's). */
export const agencyEn = {
  title: 'Agency',
};

export const agencyZh: typeof agencyEn = {
  title: 'Agency',
};
