/**
 * Deciding when Akkoord keeps a daily version: at the start of every day that follows a day with changes,
 * the text as that day ended. Pure: the caller observes the text and the clock and carries out the plan.
 */

/** What the previous check saw, kept between checks. */
export interface DailyWatch {
  /** The text's state vector (base64): a different one means the text changed. */
  stateVector: string;
  /** The last day (YYYY-MM-DD) on which a change was seen, or null when none was seen yet. */
  changeDay: string | null;
  /** True when that day's changes have no daily version yet. */
  pending: boolean;
}

/** What a check sees now. */
export interface DailyObservation {
  stateVector: string;
  /** The day of the newest entry in the text's update log, or null when unknown. */
  lastUpdateDay: string | null;
}

/**
 * A daily version to store: of the snapshot taken at the previous check (the last text seen that day), or
 * of the current text (when every change since the previous check was made before today).
 */
export type DailyAction = { kind: 'store-snapshot'; day: string } | { kind: 'store-current'; day: string };

/** The outcome of one check. */
export interface DailyPlan {
  actions: DailyAction[];
  next: DailyWatch;
  /** True when the current text is to be kept as the new snapshot. */
  takeSnapshot: boolean;
}

/**
 * Plans one check on `today` (YYYY-MM-DD). The first check only starts watching. While the text is
 * unchanged, a pending earlier day is stored from the snapshot (which then is the current text). When the
 * text changed and the update log says all of it happened before today, the current text is exactly how
 * that day ended; when some of it may be from today, the pending day is stored from the previous check's
 * snapshot (edits between that check and midnight then count for today — at most one check interval).
 */
export function planDaily(watch: DailyWatch | null, seen: DailyObservation, today: string): DailyPlan {
  if (!watch) {
    return {
      actions: [],
      next: { stateVector: seen.stateVector, changeDay: null, pending: false },
      takeSnapshot: true,
    };
  }
  const pendingBefore = (day: string): boolean =>
    watch.pending && watch.changeDay !== null && watch.changeDay < day;
  if (watch.stateVector === seen.stateVector) {
    if (!pendingBefore(today)) return { actions: [], next: watch, takeSnapshot: false };
    return {
      actions: [{ kind: 'store-snapshot', day: watch.changeDay! }],
      next: { ...watch, pending: false },
      takeSnapshot: false,
    };
  }
  const lastDay = seen.lastUpdateDay;
  if (lastDay !== null && lastDay < today) {
    const actions: DailyAction[] = [];
    if (pendingBefore(lastDay)) actions.push({ kind: 'store-snapshot', day: watch.changeDay! });
    actions.push({ kind: 'store-current', day: lastDay });
    return {
      actions,
      next: { stateVector: seen.stateVector, changeDay: lastDay, pending: false },
      takeSnapshot: true,
    };
  }
  return {
    actions: pendingBefore(today) ? [{ kind: 'store-snapshot', day: watch.changeDay! }] : [],
    next: { stateVector: seen.stateVector, changeDay: today, pending: true },
    takeSnapshot: true,
  };
}
