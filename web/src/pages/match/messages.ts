/** The match page's strings; matchZh must hold the same keys (its type is matchEn's). */
export const matchEn = {
  title: 'Match',
};

export const matchZh: typeof matchEn = {
  title: '匹配',
};
