/** What the command-line tools share: how an option's value is written, and how a run starts and ends. */

/** `--name=value` → ['--name', 'value']; anything else → [arg, undefined]. */
export function optionAndValue(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq !== -1 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY?: boolean;
}

/**
 * Runs a tool's main on the process's arguments: its exit code, no stack trace for a user (what went
 * wrong, exit 2), and `… | head` ends quietly when the reader goes away.
 */
export function runMain(name: string, main: (argv: string[], io: Io) => number | Promise<number>): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const fail = (e: unknown) => {
    process.stderr.write(`${name}: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  };
  try {
    const io: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n'), isTTY: process.stdout.isTTY };
    Promise.resolve(main(process.argv.slice(2), io)).then((code) => (process.exitCode = code), fail);
  } catch (e) {
    fail(e);
  }
}
