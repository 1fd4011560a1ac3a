import { MigrationInterface, QueryRunner } from 'typeorm';
import countries from '../src/reference-data/data/countries.json';
import taxonomies from '../src/reference-data/data/taxonomies.json';

/**
 * Countries (ISO 3166-1, UN M49 regions, Belt and Road status) and the vocabularies (CRS water codes, SDG 6 targets,
 * cooperation modes, technology categories). Upserts, so a later migration can re-run it after the data files change.
 */
export class SeedReferenceData1795939226920 implements MigrationInterface {
  name = 'SeedReferenceData1795939226920';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO country (code, name_en, name_zh, region, subregion, belt_and_road, aliases)
       SELECT code, name_en, name_zh, region, subregion, belt_and_road, aliases
       FROM jsonb_to_recordset($1::jsonb) AS c(code text, name_en text, name_zh text, region text, subregion text, belt_and_road boolean, aliases text[])
       ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_zh = EXCLUDED.name_zh, region = EXCLUDED.region,
         subregion = EXCLUDED.subregion, belt_and_road = EXCLUDED.belt_and_road, aliases = EXCLUDED.aliases`,
      [
        JSON.stringify(
          countries.map((c) => ({
            code: c.code,
            name_en: c.nameEn,
            name_zh: c.nameZh,
            region: c.region,
            subregion: c.subregion,
            belt_and_road: c.beltAndRoad,
            aliases: c.aliases,
          })),
        ),
      ],
    );
    await queryRunner.query(
      `INSERT INTO taxonomy_term (kind, code, label_en, label_zh, sort_order)
       SELECT kind, code, label_en, label_zh, sort_order
       FROM jsonb_to_recordset($1::jsonb) AS t(kind text, code text, label_en text, label_zh text, sort_order int)
       ON CONFLICT (kind, code) DO UPDATE SET label_en = EXCLUDED.label_en, label_zh = EXCLUDED.label_zh, sort_order = EXCLUDED.sort_order`,
      [
        JSON.stringify(
          taxonomies.map((t) => ({ kind: t.kind, code: t.code, label_en: t.labelEn, label_zh: t.labelZh, sort_order: t.sortOrder })),
        ),
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM taxonomy_term');
    await queryRunner.query('DELETE FROM country');
  }
}
