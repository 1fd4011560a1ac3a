import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * node dist/bench/support/cpu-profile.js <file.cpuprofile> [filter] — a V8 CPU profile (node --cpu-prof) summed per
 * function: self time, and total time (self plus callees, each function counted once per stack). `filter` keeps the
 * samples whose stack passes through a function whose name or file contains it (say `candidates`: one request kind).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, filter] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile <file.cpuprofile> [filter]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nameOf = (node: ProfileNode) => {
  const where = node.callFrame.url ? relative(process.cwd(), node.callFrame.url.replace('file://', '')) : '';
  return `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
};
const stackOf = (id: number) => {
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
  return stack;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let kept = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const stack = stackOf(id);
  if (filter && !stack.some((node) => nameOf(node).includes(filter))) return;
  kept += ms;
  self.set(nameOf(stack[0]), (self.get(nameOf(stack[0])) ?? 0) + ms);
  for (const name of new Set(stack.map(nameOf))) total.set(name, (total.get(name) ?? 0) + ms);
});

const top = (values: Map<string, number>, count: number) =>
  [...values]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / kept).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');

console.log(`${kept.toFixed(0)} ms of samples${filter ? ` through "${filter}"` : ''}\n`);
console.log(`Self time:\n${top(self, 40)}\n`);
console.log(`Total time:\n${top(total, 60)}`);
