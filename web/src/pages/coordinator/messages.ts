/** The coordinator pages' strings; coordinatorZh must hold the same keys (its type is coordinatorEn's). */
export const coordinatorEn = {
  title: 'Coordinator',
};

export const coordinatorZh: typeof coordinatorEn = {
  title: 'Coordinator',
};
