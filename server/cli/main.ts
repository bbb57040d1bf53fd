import { StorageError } from '../storage/sqlite.js';
import { CliError, parseArgs } from './args.js';
import { commands } from './commands.js';

/** `npx akkoord <command> …`: every failure is one sentence on stderr and a non-zero exit. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const usage = Object.values(commands)
      .map((c) => `  npx ${c.usage}`)
      .join('\n');
    process.stderr.write(`${name ? `Onbekend commando "${name}".\n` : ''}Gebruik:\n${usage}\n`);
    return name ? 2 : 0;
  }
  try {
    await command.run(parseArgs(rest, command.switches), (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (err) {
    if (err instanceof CliError || err instanceof StorageError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    process.stderr.write(`Onverwachte fout: ${(err as Error).message}\n`);
    return 70;
  }
}

process.exitCode = await main(process.argv.slice(2));
