/** Thrown by `parseAgenda` when the text has no structure an agenda can be read from. */
export class AgendaParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgendaParseError';
  }
}
