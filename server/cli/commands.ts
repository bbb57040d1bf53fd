import type { Agenda } from '../../shared/agenda/types.js';
import { importAgenda, DOCUMENT_ID } from '../documents/import.js';
import { Conflict } from '../domain/errors.js';
import { CliError, option, type Args } from './args.js';
import { importAgendaFile } from './readAgendaFile.js';
import { EXPORT_USAGE, exportCommand } from './export.js';
import { importJsonCommand } from './importJson.js';
import { admin, invite, revoke } from './people.js';
import { backup, restore, verify } from './backup.js';
import { withStorage } from './storage.js';
import { migrateToPostgres } from './migrateToPostgres.js';
import { refuseReplaceWhileServing, replaceThroughServer, servingHere } from './running.js';

/** One command of `npx akkoord`: its usage line and what it does. */
export interface Command {
  usage: string;
  switches: readonly string[];
  run(args: Args, out: (line: string) => void): void | Promise<void>;
}

/**
 * Imports the agenda file (.pdf, .docx, .txt, .md); its warnings go to stderr, one sentence a line, so the
 * agenda JSON on stdout stays clean.
 */
async function parseFile(file: string | undefined): Promise<Agenda> {
  if (!file) throw new CliError('Geef het bestand met de agenda op (.pdf, .docx, .txt of .md).');
  const result = await importAgendaFile(file);
  for (const warning of result.warnings) process.stderr.write(`Let op: ${warning.message}\n`);
  return result.agenda;
}

export const commands: Record<string, Command> = {
  invite: {
    usage:
      'akkoord invite --doc <id> --party <partij> --role chair|negotiator|reviewer|observer --name "<naam>" [--expires <dagen>] [--json]',
    switches: ['json'],
    run: invite,
  },
  admin: { usage: 'akkoord admin --name "<naam>" [--json]', switches: ['json'], run: admin },
  revoke: { usage: 'akkoord revoke --person <id> | --doc <id> --name "<naam>"', switches: [], run: revoke },
  backup: { usage: 'akkoord backup <bestand>', switches: [], run: backup },
  restore: { usage: 'akkoord restore <bestand>', switches: [], run: restore },
  verify: { usage: 'akkoord verify', switches: [], run: verify },
  'migrate-to-postgres': {
    usage: 'akkoord migrate-to-postgres <sqlite-bestand> [--database-url postgres://…]',
    switches: [],
    run: migrateToPostgres,
  },
  parse: {
    usage: 'akkoord parse <bestand.pdf|.docx|.txt|.md> --json',
    switches: ['json'],
    async run(args, out) {
      const agenda = await parseFile(args.positional[0]);
      if (args.options.has('json')) out(JSON.stringify(agenda, null, 2));
      else {
        const measures = agenda.chapters.reduce(
          (n, c) => n + c.sections.reduce((k, s) => k + s.measures.length, 0),
          0,
        );
        out(
          `${agenda.title}: ${agenda.chapters.length} hoofdstukken, ${measures} maatregelen (--json toont alles).`,
        );
      }
    },
  },
  import: {
    usage:
      'akkoord import <bestand.pdf|.docx|.txt|.md> --id <document-id> [--title <titel>] [--replace [--token <beheerderstoken>]] | <export.json> --json --id <document-id>',
    switches: ['replace', 'json'],
    async run(args, out) {
      if (args.options.has('json')) return importJsonCommand(args, out);
      const id = option(args, 'id');
      if (!id) throw new CliError('Geef een document-id op met --id, bijvoorbeeld --id d66-cda.');
      if (!DOCUMENT_ID.test(id))
        throw new CliError(`Ongeldige document-id "${id}": gebruik kleine letters, cijfers en streepjes.`);
      const token = option(args, 'token');
      if (args.options.has('replace') && !token) refuseReplaceWhileServing(id, true);
      const agenda = await parseFile(args.positional[0]);
      if (args.options.has('replace') && token && servingHere()) {
        // The running server replaces it: its open rooms close for a reload, its copy stays in step.
        const doc = await replaceThroughServer(id, { agenda, title: option(args, 'title') }, token);
        out(
          `Document ${id} vervangen in de draaiende server: "${doc.title}"; open editors worden gevraagd te herladen.`,
        );
        return;
      }
      return withStorage(async ({ store }) => {
        if ((await store.getDocument(id)) && !args.options.has('replace')) {
          throw new Conflict('document', `Document ${id} bestaat al; gebruik --replace om het te vervangen.`);
        }
        await importAgenda(store, {
          id,
          agenda,
          title: option(args, 'title'),
          replace: args.options.has('replace'),
        });
        const doc = (await store.getDocument(id))!;
        out(`Document ${id} opgeslagen: "${doc.title}".`);
      });
    },
  },
  export: { usage: EXPORT_USAGE, switches: ['comments'], run: exportCommand },
};
