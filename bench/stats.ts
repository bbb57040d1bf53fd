/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the median in milliseconds. */
export function measure(fn: () => void, runs = 30, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function report(name: string, results: Record<string, number | string>): void {
  const rows = Object.entries(results).map(([k, v]) => `  ${k}: ${typeof v === 'number' ? v.toFixed(2) : v}`);
  console.log(`${name}\n${rows.join('\n')}`);
  console.log(JSON.stringify({ bench: name, ...results }));
}
