/**
 * Words of a need or a track record, as the matcher compares them: lower case, accents removed, English function
 * words and the boilerplate of development-finance records dropped ("loan", "signed", "Eximbank" … say nothing of the
 * work itself), plural "s" folded on longer words (as Meilisearch's typo tolerance would).
 */
const FUNCTION_WORDS = `a an the and or of to in on for with by from at as is are was were be been being this that these those it its
which who whom whose what when where while into over under between during after before about above below up down out off than then
there their them they he she his her we our you your i not no nor but also both each other such only own same so too very can will would
should could may might must shall has have had having do does did done per via any all more most some one two three four five six seven
eight nine ten first second third new total including include included includes approximately around nearly least following follows
however although because since until within without through throughout across along among upon onto whereas whether yet`;

const FINANCE_BOILERPLATE = `china chinese prc government governments loan loans project projects million billion provides provided provide
providing grant grants eximbank exim bank development cdb company companies contractor contract contracts signed agreement agreements sign
signing ministry mofcom commerce economic technical cooperation etca rmb usd us eur cfa xof yuan dollar dollars linked id year years month
months january february march april may june july august september october november december maturity grace interest rate period commitment
fee terms borrowing repayment disbursed disbursement amount proceeds official officially ceremony handover handed completed completion began
begin commenced start started implementation implement implemented responsible reportedly according report reported purpose involved
involves involve part phase aiddata record records source sources financed finance financing funded funding committed stage preferential
buyer buyers credit concessional commercial free gcl pbc bcl efl ifl libor margin sovereign guarantee actual actually status current
currently cancelled canceled apparently unclear ongoing reached last ever toward towards unknown known took take taking value supported
support people population resident residents serve serving served outlining outlined presided attended attend held hold visit visited
announced announce statement stated state says said regarding related relating relate remain remains remained later earlier early late
subsequently thereafter`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${FINANCE_BOILERPLATE}`.split(/\s+/).filter(Boolean));

const WORD = /[a-z][a-z'-]*[a-z]|[a-z]/g;

/** The matcher's words of a text, in order, repeats kept (term frequency matters). */
export function terms(text: string): string[] {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\[a company\]/g, ' ');
  const out: string[] = [];
  for (const match of plain.matchAll(WORD)) {
    for (const part of match[0].split(/['-]/)) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue;
      out.push(part.length >= 5 && part.endsWith('s') && !part.endsWith('ss') ? part.slice(0, -1) : part);
    }
  }
  return out;
}

/**
 * The words of a need or a reference project as the matcher weighs them: the title counts twice (it names the work;
 * descriptions also tell the financing story).
 */
export const workWords = (text: { title: string; description: string }): string[] =>
  terms(`${text.title} ${text.title} ${text.description}`);

/** BM25's inverse document frequency. */
export const idf = (documents: number, withTerm: number): number => Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));

/**
 * The most distinctive words of a text, at most `limit` (Meilisearch reads only the first 10 words of a query):
 * scored (1 + ln tf) × idf, ties by first occurrence; words unknown to the corpus are dropped (they match nothing).
 */
export function distinctiveTerms(words: string[], documentFrequency: (term: string) => number, documents: number, limit = 10): string[] {
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return [...tf.entries()]
    .map(([term, count], order) => ({ term, order, df: documentFrequency(term), count }))
    .filter((t) => t.df > 0)
    .map((t) => ({ ...t, score: (1 + Math.log(t.count)) * idf(documents, t.df) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((t) => t.term);
}

/** 1 − 0.5^(x / half): 0 for nothing, ½ at `half`, approaching 1 — for counts where more helps less and less. */
export const saturate = (x: number, half: number): number => 1 - 0.5 ** (x / half);
