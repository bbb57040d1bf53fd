/**
 * Calendar days of the negotiation. Days are counted in Dutch time, whatever the server's own time zone:
 * "the start of a day" is midnight in The Hague.
 */
export const NEGOTIATION_TIME_ZONE = 'Europe/Amsterdam';

// en-CA formats a date as YYYY-MM-DD, so days compare as strings.
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: NEGOTIATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Dutch calendar day (YYYY-MM-DD) of a moment. */
export function dayOf(moment: Date | string): string {
  return DAY.format(typeof moment === 'string' ? new Date(moment) : moment);
}

/** A day (YYYY-MM-DD) the Dutch way, dd-mm-jjjj. */
export function dutchDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}
