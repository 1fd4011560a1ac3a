/** The enterprise pages' strings; enterpriseZh must hold the same keys (its type is enterpriseEn's). */
export const enterpriseEn = {
  title: 'Enterprise',
};

export const enterpriseZh: typeof enterpriseEn = {
  title: 'Enterprise',
};
