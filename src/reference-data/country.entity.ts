import { Column, Entity, PrimaryColumn } from 'typeorm';

/** ISO 3166-1 country with its UN region and Belt and Road status; seeded by migration. */
@Entity('country')
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  nameZh: string;

  @Column({ type: 'text' })
  region: string;

  @Column({ type: 'text' })
  subregion: string;

  @Column({ type: 'boolean' })
  beltAndRoad: boolean;

  /** Other English names real data uses for the country ("Viet Nam", "Cote d'Ivoire"), for imports. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];
}
