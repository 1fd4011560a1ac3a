import { LIMITS } from '../../common/validation';

/** A line of companies.jsonl (see ../shared/data/gcdf-water/README.md). */
export interface GcdfCompany {
  id: string;
  name: string;
  parentGroup: string | null;
  projects: GcdfProject[];
}

export interface GcdfProject {
  id: string;
  title: string;
  description: string;
  country: string | null;
  sector: string | null;
  year: number | null;
}

/** A line of dev-needs.jsonl / open-needs.jsonl; gold fields, when present, are ignored. */
export interface GcdfNeed {
  id: string;
  title: string;
  description: string;
  /** Null when the record has none: the importer then looks for a country the text names. */
  country: string | null;
  region: string | null;
  sector: string | null;
  subtype: string | null;
  year: number | null;
}

/** Why a line was refused; the importer adds the line number. */
export class LineError extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LineError(`${what} must be a JSON object`);
  return value as Json;
}

function text(
  o: Json,
  key: string,
  where: string,
  { required = true, max = LIMITS.description }: { required?: boolean; max?: number } = {},
): string {
  const value = o[key];
  if (value === undefined || value === null || value === '') {
    if (required) throw new LineError(`${where}"${key}" is missing`);
    return '';
  }
  if (typeof value !== 'string') throw new LineError(`${where}"${key}" must be a string`);
  if (value.length > max) throw new LineError(`${where}"${key}" is longer than ${max} characters`);
  return value;
}

function optionalText(o: Json, key: string, where: string, max = LIMITS.name): string | null {
  const value = o[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new LineError(`${where}"${key}" must be a string or null`);
  if (value.length > max) throw new LineError(`${where}"${key}" is longer than ${max} characters`);
  return value;
}

function year(o: Json, where: string): number | null {
  const value = o.year;
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 1949 || (value as number) > new Date().getUTCFullYear() + 10) {
    throw new LineError(
      `${where}"year" must be a whole year between 1949 and ${new Date().getUTCFullYear() + 10} (got ${JSON.stringify(value)})`,
    );
  }
  return value as number;
}

export function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new LineError(`not valid JSON (${(error as Error).message})`);
  }
}

export function parseCompany(value: unknown): GcdfCompany {
  const o = object(value, 'a company line');
  const id = text(o, 'id', '', { max: LIMITS.name });
  const projects = o.projects ?? [];
  if (!Array.isArray(projects)) throw new LineError('"projects" must be an array');
  return {
    id,
    name: text(o, 'name', '', { max: LIMITS.name }),
    parentGroup: optionalText(o, 'parentGroup', ''),
    projects: projects.map((p, i) => {
      const where = `project ${i + 1}: `;
      const project = object(p, `project ${i + 1}`);
      return {
        id: text(project, 'id', where, { max: LIMITS.name }),
        title: text(project, 'title', where),
        // Source descriptions can exceed what the API accepts from users; they are cut, not refused.
        description: text(project, 'description', where, { required: false, max: Number.MAX_SAFE_INTEGER }),
        country: optionalText(project, 'country', where),
        sector: optionalText(project, 'sector', where),
        year: year(project, where),
      };
    }),
  };
}

export function parseNeed(value: unknown): GcdfNeed {
  const o = object(value, 'a need line');
  const country = optionalText(o, 'country', '');
  return {
    id: text(o, 'id', '', { max: LIMITS.name }),
    title: text(o, 'title', ''),
    description: text(o, 'description', '', { required: false, max: Number.MAX_SAFE_INTEGER }),
    country,
    region: optionalText(o, 'region', ''),
    sector: optionalText(o, 'sector', ''),
    subtype: optionalText(o, 'subtype', ''),
    year: year(o, ''),
  };
}
