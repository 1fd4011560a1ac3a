import { FACTOR_KEYS } from '../matching/match-factors';
import { Estimate } from '../matching/evaluation/ranking-metrics';
import { WeightsLearningService } from '../learning/weights-learning.service';
import { Command, CommandError } from './command';
import { ProgressBar } from './progress';

const interval = (e: Estimate) => `${e.value.toFixed(3)} [${e.low.toFixed(3)}, ${e.high.toFixed(3)}]`;

/**
 * `npm run cli -- learn-weights`: refits the matching weights from the installation's track records and decisions
 * (the scheduled job does the same weekly) and records them, with their figures, as a new version: active when they
 * do not lose to the weights in force, refused otherwise. Exit code 0 either way; the record says which.
 */
export const learnWeights: Command<void> = {
  usage: '',
  summary: 'learn the matching weights from the track records and the coordinators’ decisions; keep them if they do not lose',
  parse(args) {
    if (args.length > 0) throw new CommandError(`learn-weights takes no arguments (got ${args.join(' ')})`);
  },
  async run(app) {
    const bar = new ProgressBar('held-out projects', 0);
    const record = await app.get(WeightsLearningService).learn({ learnedBy: 'cli', onProgress: (d, t) => bar.update(d, t) });
    bar.finish(`${record.figures.cases} asked`);
    const f = record.figures;
    console.log(`Matching weights v${record.version}: ${record.status}. ${record.reason ?? ''}`);
    console.log(
      `Learned from ${record.historicalExamples} held-out projects (of ${f.cases}, ${f.groups} linked groups) and ${record.decisions} decisions.`,
    );
    console.log(`Held-out projects, out of fold: MRR ${interval(f.mrr)}, R@10 ${interval(f.r10)}`);
    if (f.current)
      console.log(
        `Weights in force (${f.current.version === null ? 'defaults' : `v${f.current.version}`}): MRR ${interval(f.current.mrr)}, R@10 ${interval(f.current.r10)}`,
      );
    if (f.gain) console.log(`Paired MRR difference: ${interval(f.gain)}`);
    console.log(
      `Weights: ${FACTOR_KEYS.filter((k) => record.weights[k] > 0)
        .map((k) => `${k} ${record.weights[k].toFixed(3)}`)
        .join(', ')}`,
    );
    return 0;
  },
};
