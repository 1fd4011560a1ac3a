/** /matches/:id — one page for every role that may see the match (the link of most notification e-mails). */
export const matchRoutes = <></>;
