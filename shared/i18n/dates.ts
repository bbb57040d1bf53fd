/** A moment the Dutch way, whatever the interface language: 26-11-2026 15:53. */
export function dutchMoment(iso: string): string {
  return new Date(iso).toLocaleString('nl-NL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
