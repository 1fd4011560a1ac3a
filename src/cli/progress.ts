/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise (CI logs stay short).
 * Output on stdout stays clean for results.
 */
export class ProgressBar {
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total = this.total): void {
    this.total = total;
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const text = `${this.label} [${'#'.repeat(Math.round(fraction * 30)).padEnd(30, '.')}] ${Math.floor(fraction * 100)}% ${done}/${total}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${text}`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile > this.lastDecile) {
        this.lastDecile = decile;
        this.stream.write(`${text}\n`);
      }
    }
  }

  finish(summary: string): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    this.stream.write(`${this.stream.isTTY ? '\n' : ''}${this.label}: ${summary} in ${seconds} s\n`);
  }
}
