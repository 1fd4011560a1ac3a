import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { FACTOR_KEYS, FactorKey, parseMatchWeights } from '../match-factors';
import { MatchingWeightsEntity, WeightsStatus } from './matching-weights.entity';

/** The weights that rank, and their version: a learned record's, or null for the defaults in code (or MATCH_WEIGHTS). */
export interface CurrentWeights {
  version: number | null;
  weights: Record<FactorKey, number>;
}

/** How long a read of the active record serves before the table is asked again (a refit elsewhere shows within this). */
const CACHE_MS = 5000;

/**
 * The matching weights in force. An operator's MATCH_WEIGHTS wins (an explicit override); otherwise the active
 * learned record (matching_weights); otherwise the defaults in code, which are the weights learned on the gcdf-water
 * track records (docs/MATCHING.md).
 */
@Injectable()
export class MatchingWeightsService {
  private readonly override: Record<FactorKey, number> | null;
  private cached?: { at: number; current: Promise<CurrentWeights> };

  constructor(
    @InjectRepository(MatchingWeightsEntity) private readonly records: Repository<MatchingWeightsEntity>,
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.override = config.MATCH_WEIGHTS?.trim() ? parseMatchWeights(config.MATCH_WEIGHTS) : null;
  }

  current(): Promise<CurrentWeights> {
    if (this.override) return Promise.resolve({ version: null, weights: this.override });
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      const current = this.active().then((record) =>
        record ? { version: record.version, weights: complete(record.weights) } : { version: null, weights: parseMatchWeights(undefined) },
      );
      this.cached = { at: Date.now(), current };
      current.catch(() => (this.cached = undefined));
    }
    return this.cached.current;
  }

  active(): Promise<MatchingWeightsEntity | null> {
    return this.records.findOneBy({ status: WeightsStatus.ACTIVE });
  }

  history(first: number): Promise<MatchingWeightsEntity[]> {
    return this.records.find({ order: { version: 'DESC' }, take: first });
  }

  /** Saves a refit; an ACTIVE one retires the record it replaces, in the same transaction. */
  async save(record: Omit<MatchingWeightsEntity, 'version'>): Promise<MatchingWeightsEntity> {
    const saved = await this.dataSource.transaction(async (manager) => {
      if (record.status === WeightsStatus.ACTIVE) {
        await manager.update(MatchingWeightsEntity, { status: WeightsStatus.ACTIVE }, { status: WeightsStatus.RETIRED });
      }
      return manager.save(MatchingWeightsEntity, manager.create(MatchingWeightsEntity, record));
    });
    this.cached = undefined;
    return saved;
  }
}

/** A stored record's weights for every factor known now (a factor added since it was learned weighs 0), scaled to sum 1. */
function complete(stored: Partial<Record<FactorKey, number>>): Record<FactorKey, number> {
  const weights = Object.fromEntries(FACTOR_KEYS.map((k) => [k, stored[k] ?? 0])) as Record<FactorKey, number>;
  const total = FACTOR_KEYS.reduce((sum, k) => sum + weights[k], 0);
  return total > 0
    ? (Object.fromEntries(FACTOR_KEYS.map((k) => [k, weights[k] / total])) as Record<FactorKey, number>)
    : parseMatchWeights(undefined);
}
