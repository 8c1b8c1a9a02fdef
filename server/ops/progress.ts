/** A long command's progress: on stderr, so that stdout stays the command's result. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
