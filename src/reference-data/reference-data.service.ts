import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { CountryEntity } from './country.entity';
import { CountryModel, TaxonomyTermModel } from './reference-data.model';
import { TaxonomyKind, TaxonomyTermEntity } from './taxonomy-term.entity';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * Countries and taxonomies, held in memory: a few hundred rows that change only with a migration, read by every
 * validation and every `country`/`sector` field.
 */
@Injectable()
export class ReferenceDataService implements OnModuleInit {
  private countries = new Map<string, CountryModel>();
  private countryByName = new Map<string, string>();
  private countryNames?: RegExp;
  private terms = new Map<TaxonomyKind, Map<string, TaxonomyTermModel>>();

  constructor(
    @InjectRepository(CountryEntity) private readonly countryRepository: Repository<CountryEntity>,
    @InjectRepository(TaxonomyTermEntity) private readonly termRepository: Repository<TaxonomyTermEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const [countries, terms] = await Promise.all([
      this.countryRepository.find({ order: { code: 'ASC' } }),
      this.termRepository.find({ order: { kind: 'ASC', sortOrder: 'ASC' } }),
    ]);
    this.countries = new Map(countries.map((c) => [c.code, toCountryModel(c)]));
    this.countryByName = new Map();
    this.countryNames = undefined;
    for (const c of countries) for (const name of [c.nameEn, ...c.aliases]) this.countryByName.set(name.toLowerCase(), c.code);
    this.terms = new Map(Object.values(TaxonomyKind).map((kind) => [kind, new Map<string, TaxonomyTermModel>()]));
    for (const t of terms) this.terms.get(t.kind)?.set(t.code, { kind: t.kind, code: t.code, labelEn: t.labelEn, labelZh: t.labelZh });
  }

  listCountries(filter: { region?: string; beltAndRoad?: boolean } = {}): CountryModel[] {
    return [...this.countries.values()].filter(
      (c) =>
        (filter.region === undefined || c.region === filter.region) &&
        (filter.beltAndRoad === undefined || c.beltAndRoad === filter.beltAndRoad),
    );
  }

  country(code: string): CountryModel {
    const country = this.countries.get(code);
    if (!country) throw new Error(`Unknown country code ${code} in stored data`);
    return country;
  }

  /** ISO code for an English country name or alias ("Viet Nam" → VN) or for the code itself, for imports. */
  countryCodeByName(name: string): string | undefined {
    const key = name.trim();
    return this.countryByName.get(key.toLowerCase()) ?? (this.countries.has(key.toUpperCase()) ? key.toUpperCase() : undefined);
  }

  /**
   * The country a text names first (English names and aliases, whole words, longest name first so "South Sudan" is
   * not read as "Sudan"), leaving China out: every record of Chinese finance names it. Null when it names none.
   */
  countryNamedIn(text: string): string | null {
    if (!this.countryNames) {
      const names = [...this.countryByName.keys()]
        .filter((name) => this.countryByName.get(name) !== 'CN' && name.length > 3)
        .sort((a, b) => b.length - a.length);
      this.countryNames = new RegExp(
        `(?<![\\p{L}])(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`,
        'iu',
      );
    }
    const match = this.countryNames.exec(text);
    return match ? (this.countryByName.get(match[1].toLowerCase()) ?? null) : null;
  }

  listTerms(kind: TaxonomyKind): TaxonomyTermModel[] {
    return [...(this.terms.get(kind)?.values() ?? [])];
  }

  term(kind: TaxonomyKind, code: string): TaxonomyTermModel {
    const term = this.terms.get(kind)?.get(code);
    if (!term) throw new Error(`Unknown ${kind} code ${code} in stored data`);
    return term;
  }

  assertCountry(field: string, code: string): void {
    if (!this.countries.has(code))
      throw DomainError.badInput(field, `"${code}" is not an ISO 3166-1 alpha-2 country code known to WaterBridge`);
  }

  /** ISO 4217, as the runtime's Intl data knows it. */
  assertCurrency(field: string, code: string): void {
    if (!CURRENCIES.has(code)) throw DomainError.badInput(field, `"${code}" is not an ISO 4217 currency code`);
  }

  assertTerms(field: string, kind: TaxonomyKind, codes: readonly string[]): void {
    const known = this.terms.get(kind);
    const unknown = codes.filter((c) => !known?.has(c));
    if (unknown.length > 0) {
      const examples = [...(known?.keys() ?? [])].slice(0, 6).join(', ');
      throw DomainError.badInput(
        field,
        `unknown ${kind} code(s): ${unknown.join(', ')} (known codes include ${examples}; see the taxonomy query)`,
      );
    }
  }
}

function toCountryModel(c: CountryEntity): CountryModel {
  return { code: c.code, nameEn: c.nameEn, nameZh: c.nameZh, region: c.region, subregion: c.subregion, beltAndRoad: c.beltAndRoad };
}
