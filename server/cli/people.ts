import { isRole } from '../../shared/auth/roles.js';
import { dataDir, port } from '../config.js';
import { invitePerson } from '../people/invite.js';
import { appointAdministrator } from '../people/admin.js';
import { instanceKey } from '../auth/instanceKey.js';
import { NotFound } from '../domain/errors.js';
import { documentOrNotFound } from '../documents/lookup.js';
import { CliError, option, type Args } from './args.js';
import { withStorage } from './storage.js';

/** The address sign-in links point to: AKKOORD_URL, else this machine on PORT. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.AKKOORD_URL ?? `http://localhost:${port(env)}`;
}

/** `akkoord invite --doc <id> --party <short> --role <role> --name "<name>" [--expires <days>] [--json]` */
export async function invite(args: Args, out: (line: string) => void): Promise<void> {
  const documentId = option(args, 'doc');
  const party = option(args, 'party');
  const role = option(args, 'role');
  const name = option(args, 'name');
  const expires = option(args, 'expires');
  if (!documentId || !party || !role || !name) {
    throw new CliError('Geef --doc, --party, --role en --name op.');
  }
  if (!isRole(role))
    throw new CliError(`Onbekende rol "${role}": kies chair, negotiator, reviewer of observer.`);
  const days = expires === undefined ? null : Number(expires);
  if (days !== null && !Number.isFinite(days))
    throw new CliError(`--expires verwacht een aantal dagen, niet "${expires}".`);
  await withStorage(async (storage) => {
    const { store, people } = storage;
    await documentOrNotFound(store, documentId);
    await people.ensureDefaultParties(documentId);
    const invited = await invitePerson(people, instanceKey(storage, dataDir()), publicUrl(), {
      documentId,
      name,
      party,
      role,
      expiresInDays: days,
    });
    if (args.options.has('json'))
      out(JSON.stringify({ token: invited.token, url: invited.url, person: invited.person.id }));
    else out(`${invited.person.name} (${party}, ${role}) kan zich aanmelden met:\n  ${invited.url}`);
  });
}

/**
 * `akkoord revoke --person <id>` (a person or an administrator) or `akkoord revoke --doc <id> --name
 * "<name>"`
 */
export async function revoke(args: Args, out: (line: string) => void): Promise<void> {
  const personId = option(args, 'person');
  const documentId = option(args, 'doc');
  const name = option(args, 'name');
  await withStorage(async ({ people, sessions, administrators }) => {
    const admin = personId ? await administrators.administrator(personId) : null;
    if (admin) {
      if (!(await administrators.revoke(admin.id)))
        throw new NotFound('person', `De toegang van beheerder ${admin.name} was al ingetrokken.`);
      await sessions.deletePerson(admin.id);
      out(
        `Toegang van beheerder ${admin.name} is ingetrokken; open verbindingen sluiten binnen enkele seconden.`,
      );
      return;
    }
    let targets = personId ? [await people.person(personId)].filter((p) => p !== null) : [];
    if (!personId) {
      if (!documentId || !name) throw new CliError('Geef --person <id> op, of --doc en --name.');
      targets = (await people.people(documentId)).filter((p) => p.name === name && !p.revokedAt);
    }
    if (targets.length === 0) throw new NotFound('person', 'Niemand gevonden om in te trekken.');
    if (targets.length > 1) {
      throw new CliError(
        `Meer dan één persoon heet zo (${targets.map((p) => p.id).join(', ')}); gebruik --person <id>.`,
      );
    }
    const target = targets[0]!;
    await people.revoke(target.id);
    // Its browser sessions go too; the running server ends their open connections at its next sweep.
    await sessions.deletePerson(target.id);
    out(
      `Toegang van ${target.name} (${target.party}) is ingetrokken; open verbindingen sluiten binnen enkele seconden.`,
    );
  });
}

/**
 * `akkoord admin --name "<name>" [--json]`: a new administrator of this installation (creates negotiations,
 * appoints their chairs, reads no party's rooms), with their personal sign-in link.
 */
export async function admin(args: Args, out: (line: string) => void): Promise<void> {
  const name = option(args, 'name');
  if (!name) throw new CliError('Geef de naam van de beheerder op met --name "…".');
  await withStorage(async (storage) => {
    const made = await appointAdministrator(
      storage.administrators,
      instanceKey(storage, dataDir()),
      publicUrl(),
      name,
    );
    if (args.options.has('json'))
      out(JSON.stringify({ token: made.token, url: made.url, admin: made.admin.id }));
    else
      out(
        `${made.admin.name} (beheerder, id ${made.admin.id}) kan zich aanmelden met:\n  ${made.url}\nIntrekken: npx akkoord revoke --person ${made.admin.id}`,
      );
  });
}
