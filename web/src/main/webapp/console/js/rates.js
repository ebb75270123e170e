// Throughput and ETA of running operations, computed here from successive events: the work done (or the
// percentage, when the job reports no work) over a sliding window of recent samples.

const WINDOW_MS = 30000;
const samples = new Map();

/** Notes what an operation reported, at the time it arrived. */
export function sample(op, now = Date.now()) {
  const done = op.progress ? op.progress.done : op.percentProgress;
  let list = samples.get(op.id);
  if (!list) {
    list = [];
    samples.set(op.id, list);
  }
  const last = list[list.length - 1];
  if (!last || done !== last.done) {
    list.push({ t: now, done });
  }
  while (list.length > 2 && now - list[0].t > WINDOW_MS) {
    list.shift();
  }
  if (op.status !== 'running' && op.status !== 'notStarted') {
    samples.delete(op.id);
  }
}

/**
 * The operation's rate in its unit per second and the milliseconds left at that rate ({rate, unit, leftMs}), once
 * two samples are known; null before.
 */
export function estimate(op, now = Date.now()) {
  const list = samples.get(op.id);
  if (!list || list.length < 2) {
    return null;
  }
  const first = list[0];
  const last = list[list.length - 1];
  const seconds = (last.t - first.t) / 1000;
  if (seconds <= 0 || last.done <= first.done) {
    return null;
  }
  const rate = (last.done - first.done) / seconds;
  const total = op.progress ? op.progress.total : 100;
  const done = op.progress ? op.progress.done : op.percentProgress;
  const leftMs = Math.max(0, ((total - done) / rate) * 1000 - (now - last.t));
  return { rate, unit: op.progress ? op.progress.unit : 'percent', leftMs };
}
