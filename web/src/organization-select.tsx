import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from './format';
import { graphql } from './gql';
import type { OrganizationKind } from './gql/graphql';

const VERIFIED_ORGANIZATIONS = graphql(`
  query VerifiedOrganizations($nameContains: String, $kind: OrganizationKind) {
    organizations(nameContains: $nameContains, kind: $kind, verificationStatus: VERIFIED, first: 50) {
      edges {
        node {
          id
          nameEn
          nameZh
          kind
        }
      }
    }
  }
`);

export interface FoundOrganization {
  id: string;
  nameEn: string;
  nameZh?: string | null;
  kind: OrganizationKind;
}

/**
 * Verified organisations of some kinds, found on the server by a part of their name as it is typed: the secretariat
 * naming the organisation it acts for, or those it adds to a programme. Inside a Form.Item it takes the item's
 * value, change and id (its label then names it).
 */
export function OrganizationSelect({
  kinds,
  id,
  value,
  onChange,
  mode,
  exclude,
  describe = labelOf,
  notFound,
  style,
}: {
  kinds: OrganizationKind[];
  id?: string;
  value?: string | string[];
  onChange?: ((value: string) => void) | ((value: string[]) => void);
  mode?: 'multiple';
  exclude?: ReadonlySet<string>;
  describe?: (organization: FoundOrganization) => string;
  notFound?: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // One kind is filtered by the server; several (the API takes one) here.
  const { data, loading } = useQuery(VERIFIED_ORGANIZATIONS, {
    variables: { nameContains: search.trim() || undefined, kind: kinds.length === 1 ? kinds[0] : undefined },
  });
  // Those chosen keep their names when a later search no longer finds them.
  const seen = useRef(new Map<string, string>());
  const options = (data?.organizations.edges ?? [])
    .map((edge) => edge.node)
    .filter((o) => kinds.includes(o.kind) && !exclude?.has(o.id))
    .map((o) => ({ value: o.id, label: describe(o) }));
  for (const option of options) seen.current.set(option.value, option.label);
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => !options.some((o) => o.value === v));
  options.push(...chosen.map((v) => ({ value: v, label: seen.current.get(v) ?? v })));
  return (
    <Select
      id={id}
      mode={mode}
      style={style}
      value={value}
      onChange={(next: string | string[]) => onChange?.(next as never)}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onSelect={() => setSearch('')}
      loading={loading}
      options={options}
      notFoundContent={loading ? t('common.loading') : notFound}
    />
  );
}
