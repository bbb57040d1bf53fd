import { Invalid } from '../domain/errors.js';

/** A mistake on the command line or in its input, told to the person in one sentence (an `Invalid`). */
export class CliError extends Invalid {
  override name = 'CliError';
}

/** Parsed arguments: positional words and `--flag value` / `--switch` options. */
export interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

/** Splits argv into positionals and options; an option takes the next word unless it is listed as a switch. */
export function parseArgs(argv: string[], switches: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (switches.includes(name)) options.set(name, true);
    else if (inline !== undefined) options.set(name, inline);
    else {
      const value = argv[++i];
      if (value === undefined) throw new CliError(`Optie --${name} verwacht een waarde.`);
      options.set(name, value);
    }
  }
  return { positional, options };
}

/** The string value of an option, or undefined; a bare switch where a value was expected is an error. */
export function option(args: Args, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new CliError(`Optie --${name} verwacht een waarde.`);
  return value;
}
