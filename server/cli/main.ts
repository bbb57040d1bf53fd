import { parseArgs } from './args.js';
import { commands } from './commands.js';
import { failureOf } from './failure.js';

/** `npx akkoord <command> …`: every failure is one sentence on stderr and a non-zero exit (see failure.ts). */
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
    const { code, sentence } = failureOf(err);
    process.stderr.write(`${sentence}\n`);
    return code;
  }
}

process.exitCode = await main(process.argv.slice(2));
