import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum TaxonomyKind {
  /** OECD-DAC CRS purpose codes of the water sector. */
  WATER_SECTOR = 'WATER_SECTOR',
  /** SDG 6 targets. */
  SDG_TARGET = 'SDG_TARGET',
  COOPERATION_MODE = 'COOPERATION_MODE',
  TECHNOLOGY_CATEGORY = 'TECHNOLOGY_CATEGORY',
}

/** One code of one controlled vocabulary, with its labels; seeded by migration. */
@Entity('taxonomy_term')
export class TaxonomyTermEntity {
  @PrimaryColumn({ type: 'text' })
  kind: TaxonomyKind;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text' })
  labelZh: string;

  @Column({ type: 'int' })
  sortOrder: number;
}
