import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { OperationDefinitionNode } from 'graphql';
import { queryComplexityPlugin, queryLimitsRule, QueryLimits, ROOT_COST } from './query-limits';

// A small schema with a cycle (Org → members → org …), a connection and plain lists.
const schema = buildSchema(`
  type Query { org(id: ID!): Org  orgs(first: Int = 20): OrgConnection!  tags: [String!]!  countries: [Country!]! }
  type Mutation { renameOrg(id: ID!, name: String!): Org }
  type OrgConnection { totalCount: Int!  edges: [OrgEdge!]!  pageInfo: PageInfo! }
  type OrgEdge { node: Org! }
  type PageInfo { hasNextPage: Boolean! }
  type Org { id: ID!  name: String!  members: [User!]!  country: Country }
  type User { id: ID!  org: Org! }
  type Country { code: String!  neighbours: [Country!]! }
`);

const codes = (query: string, limits: QueryLimits = { maxDepth: 10, maxComplexity: 5000, maxRootFields: 100 }) =>
  validate(schema, parse(query), [queryLimitsRule(limits)]).map((e) => e.extensions.code);

/** `{ org(id: 1) { members { org { members { … id } } } } }` with `levels` fields on the deepest path. */
const nested = (levels: number) => {
  let inner = 'id';
  for (let i = 2; i < levels; i++) inner = i % 2 === 0 ? `members { ${inner} }` : `org { ${inner} }`;
  return `{ org(id: "1") { ${inner} } }`;
};

describe('query limits', () => {
  it('lets a query as deep as the limit through and refuses one level more', () => {
    expect(codes(nested(10))).toEqual([]);
    expect(codes(nested(11))).toEqual(['QUERY_TOO_DEEP']);
    expect(codes(nested(5), { maxDepth: 4, maxComplexity: 5000, maxRootFields: 100 })).toEqual(['QUERY_TOO_DEEP']);
  });

  it('follows fragments, and survives fragment cycles (reported by the standard rules)', () => {
    expect(
      codes(
        `{ org(id: "1") { ...A } } fragment A on Org { members { org { members { org { members { org { members { org { members { id } } } } } } } } } }`,
      ),
    ).toEqual(['QUERY_TOO_DEEP']);
    expect(codes(`{ org(id: "1") { ...A } } fragment A on Org { id ...A }`)).toEqual([]);
  });

  it("multiplies what a connection's edges select by its first, and other lists by 10", () => {
    const limit = (maxComplexity: number) => ({ maxDepth: 10, maxComplexity, maxRootFields: 100 });
    // root (10 + first 100) + edges (1 + 100 × node (1 + id 1 + name 1)) = 411
    expect(codes('{ orgs(first: 100) { edges { node { id name } } } }', limit(411))).toEqual([]);
    expect(codes('{ orgs(first: 100) { edges { node { id name } } } }', limit(410))).toEqual(['QUERY_TOO_COMPLEX']);
    // totalCount beside the edges is not multiplied: 110 + 1 + (1 + 100 × 2) = 312
    expect(codes('{ orgs(first: 100) { totalCount edges { node { id } } } }', limit(312))).toEqual([]);
    // first left out: its default (20); a list without first: 10. 30 + (1 + 20 × (1 + (1 + 10 × (1 + 1)))) = 471
    expect(codes('{ orgs { edges { node { members { org { id } } } } } }', limit(471))).toEqual([]);
    expect(codes('{ orgs { edges { node { members { org { id } } } } } }', limit(470))).toEqual(['QUERY_TOO_COMPLEX']);
    // first above 100 counts as 100; during validation a variable counts as its default, else as 100.
    expect(codes('{ orgs(first: 5000) { edges { node { id name } } } }', limit(411))).toEqual([]);
    expect(codes('query($n: Int = 2) { orgs(first: $n) { edges { node { id name } } } }', limit(19))).toEqual([]);
    expect(codes('query($n: Int) { orgs(first: $n) { edges { node { id name } } } }', limit(410))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('charges a page its first whether or not it selects the items, and each root field the work behind it', () => {
    const limit = (maxComplexity: number) => ({ maxDepth: 10, maxComplexity, maxRootFields: 100 });
    // 10 for the read, 100 for the rows it counts: the same work as reading them.
    expect(codes('{ orgs(first: 100) { totalCount } }', limit(111))).toEqual([]);
    expect(codes('{ orgs(first: 100) { totalCount } }', limit(110))).toEqual(['QUERY_TOO_COMPLEX']);
    // A root field that declares its cost (Nest's `complexity` option) costs that, not a read's 10.
    const costly = buildSchema('type Query { search(first: Int = 10): [String!]!  plain: String }');
    (costly.getQueryType()!.getFields().search as { extensions: object }).extensions = { complexity: ROOT_COST.search };
    const cost = (query: string, maxComplexity: number) =>
      validate(costly, parse(query), [queryLimitsRule(limit(maxComplexity))]).map((e) => e.extensions.code);
    expect(cost('{ search(first: 1) }', 101)).toEqual([]);
    expect(cost('{ search(first: 1) }', 100)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(cost('{ plain }', 10)).toEqual([]);
    expect(cost('{ plain }', 9)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts a variable first as the value sent, in the plugin that sees the request', async () => {
    const check = async (query: string, variables: Record<string, unknown>, maxComplexity: number) => {
      const document = parse(query);
      const listener = await queryComplexityPlugin({ maxDepth: 10, maxComplexity, maxRootFields: 100 }).requestDidStart!({} as never);
      const operation = document.definitions[0] as OperationDefinitionNode;
      return (listener as { didResolveOperation: (c: unknown) => Promise<void> })
        .didResolveOperation({ schema, document, operation, request: { variables } })
        .then(
          () => 'ok',
          (error: { extensions: { code: string; http: { status: number } } }) => `${error.extensions.code} ${error.extensions.http.status}`,
        );
    };
    const query = 'query($n: Int) { orgs(first: $n) { edges { node { id name } } } }';
    // 10 + 10 + (1 + 10 × 3) = 51
    expect(await check(query, { n: 10 }, 51)).toBe('ok');
    expect(await check(query, { n: 11 }, 51)).toBe('QUERY_TOO_COMPLEX 400');
    // Left out, the variable leaves `first` at the argument's default (20): 30 + (1 + 20 × 3) = 91.
    expect(await check(query, {}, 91)).toBe('ok');
    expect(await check(query, {}, 90)).toBe('QUERY_TOO_COMPLEX 400');
    expect(await check(query, { n: 'many' }, 410)).toBe('QUERY_TOO_COMPLEX 400');
  });

  it('counts aliases and mutations like any other field', () => {
    const many = Array.from({ length: 60 }, (_, i) => `c${i}: countries { code }`).join(' ');
    // 60 × (10 + 10 × 1) = 1200
    expect(codes(`{ ${many} }`, { maxDepth: 10, maxComplexity: 1200, maxRootFields: 100 })).toEqual([]);
    expect(codes(`{ ${many} }`, { maxDepth: 10, maxComplexity: 1199, maxRootFields: 100 })).toEqual(['QUERY_TOO_COMPLEX']);
    expect(
      codes(`mutation { renameOrg(id: "1", name: "x") { members { org { members { id } } } } }`, {
        maxDepth: 10,
        maxComplexity: 100,
        maxRootFields: 100,
      }),
    ).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses more root fields than the limit, aliases and fragments included, whatever their cost', () => {
    const limits = { maxDepth: 10, maxComplexity: 1_000_000, maxRootFields: 20 };
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: tags`).join(' ');
    expect(codes(`{ ${aliases(20)} __typename }`, limits)).toEqual([]);
    expect(codes(`{ ${aliases(21)} }`, limits)).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
    expect(codes(`{ ${aliases(15)} ...More } fragment More on Query { ${aliases(6).replace(/t(\d)/g, 'u$1')} }`, limits)).toEqual([
      'QUERY_TOO_MANY_ROOT_FIELDS',
    ]);
    expect(
      codes(`mutation { ${Array.from({ length: 21 }, (_, i) => `r${i}: renameOrg(id: "1", name: "x") { id }`).join(' ')} }`, limits),
    ).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
    // 2,500 aliases are refused after counting 21 of them.
    expect(codes(`{ ${aliases(2500)} }`, limits)).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
  });

  it('refuses exponential fragment fan-out without expanding it', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Org { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const started = Date.now();
    expect(codes(`{ org(id: "1") { ...F0 } } ${fragments} fragment F30 on Org { id }`)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lets the standard introspection query through at any depth limit', () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(codes(full, { maxDepth: 2, maxComplexity: 5000, maxRootFields: 100 })).toEqual([]);
    expect(
      codes('{ __type(name: "Org") { name fields { name type { name kind ofType { name kind ofType { name } } } } } }', {
        maxDepth: 2,
        maxComplexity: 5000,
        maxRootFields: 100,
      }),
    ).toEqual([]);
  });

  it('refuses introspection that nests lists beyond the standard query', () => {
    expect(codes('{ __schema { types { fields { args { name } } } } }')).toEqual([]);
    expect(codes('{ __schema { types { fields { type { fields { name } } } } } }')).toEqual([]);
    expect(codes('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }')).toEqual(['QUERY_TOO_DEEP']);
    let ofType = 'name';
    for (let i = 0; i < 25; i++) ofType = `ofType { ${ofType} }`;
    expect(codes(`{ __type(name: "Org") { ${ofType} } }`)).toEqual(['QUERY_TOO_DEEP']);
  });
});
