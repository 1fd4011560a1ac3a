import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { labelOf } from '../../format';

const VOCABULARY = graphql(`
  query ProfileVocabulary {
    technologies: taxonomy(kind: TECHNOLOGY_CATEGORY) {
      code
      labelEn
      labelZh
    }
    cooperationModes: taxonomy(kind: COOPERATION_MODE) {
      code
      labelEn
      labelZh
    }
    sectors: taxonomy(kind: WATER_SECTOR) {
      code
      labelEn
      labelZh
    }
    countries {
      code
      nameEn
      nameZh
    }
  }
`);

export interface Option {
  value: string;
  label: string;
}

/** UN regions, as the API names them (capabilities' regionsServed). */
export const UN_REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
/** Working languages offered first; any other ISO 639-1 code can be typed. */
export const COMMON_LANGUAGES = ['en', 'zh', 'fr', 'ar', 'es', 'pt', 'ru'];

/** The codes the profile forms choose from, labelled in the reader's language (read once, then from the cache). */
export function useVocabulary() {
  const { data, error, loading } = useQuery(VOCABULARY);
  const options = (terms: Array<{ code: string; labelEn: string; labelZh: string }> | undefined): Option[] =>
    (terms ?? []).map((term) => ({ value: term.code, label: labelOf(term) }));
  return {
    error,
    loading,
    technologies: options(data?.technologies),
    cooperationModes: options(data?.cooperationModes),
    sectors: (data?.sectors ?? []).map((term) => ({ value: term.code, label: `${term.code} · ${labelOf(term)}` })),
    countries: (data?.countries ?? []).map((country) => ({ value: country.code, label: `${labelOf(country)} (${country.code})` })),
  };
}
