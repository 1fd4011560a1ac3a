import { GraphQLSchemaHost } from '@nestjs/graphql';
import { OperationDefinitionNode, OperationTypeNode, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { DemoSeedService } from '../../src/demo/demo-seed.service';
import { NeedPublishedJob } from '../../src/matches/need-published.job';
import { SearchSyncJob } from '../../src/search/search-sync.job';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every ```graphql example of README.md, run in the README's order against an app with the demo data, as the role its
 * marker names. The marker is the line before the block: `<!-- as: ROLE [COUNTRY] | results|answers -->`, where ROLE
 * is anyone, agency, enterprise, coordinator or admin (a seeded account of that role, found in the database; with
 * COUNTRY, one whose organisation is in that country), `results` promises a non-empty answer and `answers` only an
 * answer without error. Variables are filled from the database (see `fill`).
 */
interface Example {
  line: number;
  role: string;
  country?: string;
  promise: 'results' | 'answers';
  document: string;
}

const MARKER = /^<!--\s*as:\s*(anyone|agency|enterprise|coordinator|admin)(?:\s+([A-Z]{2}))?\s*\|\s*(results|answers)\s*-->$/;

function readmeExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```graphql') continue;
    const end = lines.indexOf('```', i + 1);
    const marker = MARKER.exec(lines[i - 1]?.trim() ?? '');
    if (!marker)
      throw new Error(`README.md line ${i + 1}: a graphql example without a "<!-- as: ROLE | results|answers -->" line before it`);
    examples.push({
      line: i + 1,
      role: marker[1],
      country: marker[2],
      promise: marker[3] as Example['promise'],
      document: lines.slice(i + 1, end).join('\n'),
    });
    i = end;
  }
  return examples;
}

/** An answer with something in it: every root field non-null, lists and connections non-empty, booleans true. */
function empty(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'edges' in value) return empty((value as { edges: unknown[] }).edges);
  return false;
}

const examples = readmeExamples(readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8'));

describe('README examples on the demo data', () => {
  let t: TestApp;
  const users = new Map<string, { id: string; email: string; organizationId: string }>();

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeedService).seedIfFirstStart();
    await t.app.get(SearchSyncJob).drain();
    // As on the first `npm start`, candidates are ranked for open needs (here those of the agency the examples sign in as).
    const [agency] = await t.dataSource.query(`SELECT o.id FROM organization o WHERE o.kind = 'AGENCY' AND o.country_code = 'LK' LIMIT 1`);
    const needs: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM need WHERE status = 'OPEN' AND organization_id = $1 ORDER BY published_at DESC LIMIT 2`,
      [agency.id],
    );
    for (const need of needs) await t.app.get(NeedPublishedJob).run(need.id);
  });
  afterAll(() => t.close());

  it('finds the examples, each with its marker', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  /** A seeded account of the role (and country), looked up rather than named: demo logins may be renamed. */
  async function user(role: string, country?: string) {
    const key = `${role} ${country ?? ''}`;
    if (!users.has(key)) {
      const [row] = await t.dataSource.query(
        `SELECT u.id, u.email, u.organization_id AS "organizationId" FROM app_user u JOIN organization o ON o.id = u.organization_id
          WHERE u.role = $1 AND ($2::text IS NULL OR o.country_code = $2) ORDER BY u.created_at, u.email LIMIT 1`,
        [`${role.toUpperCase()}${role === 'coordinator' || role === 'admin' ? '' : '_MEMBER'}`, country ?? null],
      );
      if (!row) throw new Error(`no seeded ${key} account`);
      users.set(key, row);
    }
    return users.get(key)!;
  }

  /** The match the agency accepted in the example before, engaged by its enterprise's answer (an outcome needs both sides). */
  async function engagedMatch(agencyId: string): Promise<{ id: string; version: number }> {
    const [match] = await t.dataSource.query(
      `SELECT m.id, m.version, m.status, m.enterprise_id AS "enterpriseId" FROM match m JOIN need n ON n.id = m.need_id
        WHERE n.organization_id = $1 AND m.agency_response = 'ACCEPTED' AND m.status IN ('INTRODUCED', 'ENGAGED') ORDER BY m.introduced_at DESC LIMIT 1`,
      [agencyId],
    );
    if (match.status === 'ENGAGED') return match;
    const [member] = await t.dataSource.query(`SELECT id FROM app_user WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [
      match.enterpriseId,
    ]);
    const res = await t.gql<{ respondToMatch: { version: number } }>(
      'mutation($id: ID!, $v: Int!) { respondToMatch(input: { id: $id, version: $v, accept: true }) { version } }',
      { id: match.id, v: match.version },
      t.tokenFor(member.id),
    );
    expect(res.errors).toBeUndefined();
    return { id: match.id, version: res.data!.respondToMatch.version };
  }

  /** The value of one variable of an example, from the database as the examples before it left it. */
  async function fill(name: string, example: Example, caller: { email: string; organizationId: string } | undefined): Promise<unknown> {
    const one = async (sql: string, params: unknown[]) => (await t.dataSource.query<Array<Record<string, unknown>>>(sql, params))[0];
    const password = t.app.get(AppConfig).DEMO_PASSWORD;
    switch (name) {
      case 'email':
        return caller!.email;
      case 'password':
        return password;
      case 'refreshToken': {
        const res = await t.gql<{ login: { refreshToken: string } }>(
          'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }',
          { e: caller!.email, p: password },
        );
        return res.data!.login.refreshToken;
      }
      case 'org':
        return caller!.organizationId;
      case 'draft':
        return (
          await one(`SELECT id FROM need WHERE organization_id = $1 AND status = 'DRAFT' ORDER BY created_at DESC LIMIT 1`, [
            caller!.organizationId,
          ])
        )?.id;
      case 'need':
        // An open need the caller's organisation is not yet a candidate for.
        return (
          await one(
            `SELECT id FROM need n WHERE status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM match m WHERE m.need_id = n.id AND m.enterprise_id = $1) ORDER BY published_at DESC, id LIMIT 1`,
            [caller?.organizationId ?? null],
          )
        )?.id;
      case 'match':
      case 'version': {
        const agency = await user('agency', 'LK');
        if (example.document.includes('recordMatchOutcome'))
          return (await engagedMatch(agency.organizationId))[name === 'match' ? 'id' : 'version'];
        const match = example.document.includes('approveMatch')
          ? await one(
              `SELECT m.id, m.version FROM match m JOIN need n ON n.id = m.need_id WHERE m.status IN ('SUGGESTED', 'SHORTLISTED') ORDER BY (n.organization_id = $1) DESC, m.rank, m.id LIMIT 1`,
              [agency.organizationId],
            )
          : await one(
              `SELECT m.id, m.version FROM match m JOIN need n ON n.id = m.need_id WHERE m.status = 'INTRODUCED' AND (n.organization_id = $1 OR m.enterprise_id = $1) ORDER BY m.introduced_at DESC LIMIT 1`,
              [caller!.organizationId],
            );
        return match?.[name === 'match' ? 'id' : 'version'];
      }
      case 'date':
        return new Date().toISOString().slice(0, 10);
      case 'recipient':
      case 'recipientNeed': {
        const need = await one(`SELECT id, organization_id FROM need WHERE status = 'OPEN' ORDER BY published_at DESC, id LIMIT 1`, []);
        return name === 'recipient' ? need?.organization_id : need?.id;
      }
      case 'draftActivity':
        return (await one(`SELECT id FROM activity WHERE status = 'DRAFT' ORDER BY created_at DESC LIMIT 1`, []))?.id;
      case 'activity':
        return (await one(`SELECT id FROM activity WHERE status = 'OPEN' ORDER BY starts_at, id LIMIT 1`, []))?.id;
      default:
        throw new Error(`README.md line ${example.line}: no rule fills $${name}`);
    }
  }

  for (const example of examples) {
    const title = example.document
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join(' ')
      .replace(/\s+/g, ' ');
    it(`line ${example.line} (${example.role}${example.country ? ` ${example.country}` : ''}, ${example.promise}): ${title.slice(0, 70)}`, async () => {
      const caller = example.role === 'anyone' ? undefined : await user(example.role, example.country);
      const operation = parse(example.document).definitions[0] as OperationDefinitionNode;
      const variables: Record<string, unknown> = {};
      for (const v of operation.variableDefinitions ?? [])
        variables[v.variable.name.value] = await fill(v.variable.name.value, example, caller);
      for (const [name, value] of Object.entries(variables)) expect([name, value]).toEqual([name, expect.anything()]);
      if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
        // Subscriptions run over WebSocket: the document must at least be valid against the served schema.
        expect(validate(t.app.get(GraphQLSchemaHost).schema, parse(example.document))).toEqual([]);
        return;
      }
      const res = await t.gql<Record<string, unknown>>(example.document, variables, caller && t.tokenFor(caller.id));
      expect(res.errors).toBeUndefined();
      if (example.promise === 'results')
        for (const [field, value] of Object.entries(res.data ?? {})) expect([field, empty(value)]).toEqual([field, false]);
    });
  }
});
