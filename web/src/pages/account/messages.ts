/** The account pages' strings; accountZh must hold the same keys (its type is accountEn's). */
export const accountEn = {
  title: 'Account',
};

export const accountZh: typeof accountEn = {
  title: 'Account',
};
