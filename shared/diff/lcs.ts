/** Longest common subsequence of two id lists, used to tell moved items from ones that kept their order. */

/**
 * The ids of a longest common subsequence of `a` and `b` (ids unique within each list). Items of both
 * lists outside it changed their relative order: they are the fewest that must move to turn one order
 * into the other. Ties are broken deterministically. O(n·m) time and memory for
 * the part between the longest same-order prefix and suffix.
 */
export function lcsIds(a: readonly string[], b: readonly string[]): Set<string> {
  const inB = new Set(b);
  const inA = new Set(a);
  const common = a.filter((id) => inB.has(id));
  const others = b.filter((id) => inA.has(id));
  // Same-order prefix and suffix are kept without the table (the usual case: nothing moved).
  let start = 0;
  while (start < common.length && common[start] === others[start]) start++;
  let end = 0;
  while (end < common.length - start && common[common.length - 1 - end] === others[others.length - 1 - end])
    end++;
  const kept = new Set<string>([...common.slice(0, start), ...common.slice(common.length - end)]);
  const xs = common.slice(start, common.length - end);
  const ys = others.slice(start, others.length - end);
  const n = xs.length;
  const m = ys.length;
  // lengths[i][j] = LCS length of xs[i..] and ys[j..], stored row by row.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        xs[i] === ys[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (xs[i] === ys[j]) {
      kept.add(xs[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return kept;
}
