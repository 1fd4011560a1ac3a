import { hasHan, headTerm, WATER_GLOSSARY, WaterGlossary } from './water-glossary';

/** Meilisearch uses only the first 10 words of a query (docs/SEARCH.md). */
export const MAX_QUERY_WORDS = 10;

/** Sections whose words frame a query ("… project", "rehabilitation of …") rather than say what it is about. */
const GENERIC_SECTIONS = new Set(['project-words']);

/** Han characters that only join words (的, 和, 与 …): dropped when nothing in the glossary claims them. */
const FILLERS = /[的和与及或在等之对为把将从]/gu;
const HAN_RUN = /(\p{Script=Han}+)/u;

interface Entry {
  english: string;
  generic: boolean;
}

export interface ChineseDictionary {
  entries: Map<string, Entry>;
  longest: number;
}

/** Every Chinese term of the glossary, pointing at its group's English term. */
export function chineseDictionary(glossary: WaterGlossary = WATER_GLOSSARY): ChineseDictionary {
  const entries = new Map<string, Entry>();
  for (const section of glossary.sections) {
    for (const group of section.groups) {
      for (const term of group.filter(hasHan)) entries.set(term, { english: headTerm(group), generic: GENERIC_SECTIONS.has(section.id) });
    }
  }
  return { entries, longest: Math.max(0, ...[...entries.keys()].map((t) => [...t].length)) };
}

const DEFAULT_DICTIONARY = chineseDictionary();

interface Piece {
  text: string;
  words: number;
  generic: boolean;
}

const FILLER = /^[的和与及或在等之对为把将从]$/u;

/**
 * Greedy longest match of the glossary's Chinese terms over one run of Chinese characters. A one-character term next
 * to text the glossary does not know is part of a name, not a word: 湖 in 湖南 (Hunan), 坝 in 葛洲坝 (Gezhouba).
 */
function segment(run: string, dictionary: ChineseDictionary): Array<{ text: string; entry?: Entry }> {
  const chars = [...run];
  const segments: Array<{ text: string; entry?: Entry }> = [];
  for (let i = 0; i < chars.length;) {
    let length = Math.min(dictionary.longest, chars.length - i);
    while (length > 0 && !dictionary.entries.has(chars.slice(i, i + length).join(''))) length--;
    const text = chars.slice(i, i + Math.max(1, length)).join('');
    segments.push({ text, entry: dictionary.entries.get(text) });
    i += Math.max(1, length);
  }
  const known = (s: { text: string; entry?: Entry } | undefined) => s === undefined || s.entry !== undefined || FILLER.test(s.text);
  return segments.map((s, k) =>
    s.entry && [...s.text].length === 1 && !(known(segments[k - 1]) && known(segments[k + 1])) ? { text: s.text } : s,
  );
}

/** Whether `outer` holds all of `inner`'s words in a row (case-insensitive). */
const containsWords = (outer: string, inner: string) => ` ${outer.toLowerCase()} `.includes(` ${inner.toLowerCase()} `);

/** How many of Meilisearch's query words a piece takes (Chinese is segmented into words of about two characters). */
const wordCount = (text: string) => (hasHan(text) ? Math.ceil([...text].length / 2) : text.split(/\s+/).filter(Boolean).length);

/**
 * Turns a query that contains Chinese into the English words the (English) needs and track records are written in:
 * greedy longest match of the glossary's Chinese terms over each run of Chinese text (农村供水 → "rural water supply",
 * 海水淡化项目 → "desalination" + "project"). Latin words are kept as typed; Chinese that no term covers is kept too (a
 * place or a company name matches the Chinese names in the documents). Framing words ("project") go last and the
 * result keeps within Meilisearch's 10-word limit, so the words that say what the query is about are the ones used.
 * A query without Chinese is returned unchanged.
 */
export function translateQuery(query: string, dictionary: ChineseDictionary = DEFAULT_DICTIONARY): string {
  if (!hasHan(query)) return query;
  const pieces: Piece[] = [];
  // 河道疏浚 gives "river" and then "river dredging": the longer term says it all, so it replaces the one it contains.
  const add = (text: string, generic: boolean) => {
    if (!text || pieces.some((p) => containsWords(p.text, text))) return;
    const at = pieces.findIndex((p) => containsWords(text, p.text));
    const piece = { text, words: wordCount(text), generic };
    if (at >= 0) pieces.splice(at, 1, piece);
    else pieces.push(piece);
    for (let i = pieces.length - 1; i > at && at >= 0; i--)
      if (pieces[i] !== piece && containsWords(text, pieces[i].text)) pieces.splice(i, 1);
  };
  for (const run of query.split(HAN_RUN)) {
    if (!hasHan(run)) {
      for (const word of run.split(/[\s,，。；;、:：!！?？()（）"“”'‘’]+/u)) add(word, false);
      continue;
    }
    let unmatched = '';
    const flushUnmatched = () => {
      const rest = unmatched.replace(FILLERS, '');
      // A lone leftover character (水, 站 …) is a fragment of a word the glossary lacks: searching it adds noise.
      if ([...rest].length > 1) add(rest, false);
      unmatched = '';
    };
    for (const { text, entry } of segment(run, dictionary)) {
      if (!entry) {
        unmatched += text;
        continue;
      }
      flushUnmatched();
      add(entry.english, entry.generic);
    }
    flushUnmatched();
  }
  const ordered = [...pieces.filter((p) => !p.generic), ...pieces.filter((p) => p.generic)];
  const kept: string[] = [];
  let budget = MAX_QUERY_WORDS;
  for (const piece of ordered) {
    if (piece.words > budget) continue;
    kept.push(piece.text);
    budget -= piece.words;
  }
  return kept.join(' ');
}
