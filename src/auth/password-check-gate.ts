/** Thrown when every slot is taken and the waiting line is full. */
export class GateFull extends Error {
  constructor() {
    super('Too many password checks are waiting');
  }
}

/**
 * Bounds the password checks (scrypt: CPU and memory) one process runs at once: `slots` run, up to `waiting` more wait
 * their turn in order, and any beyond are refused at once. Without it a burst of sign-ins, each allowed by the throttle
 * (many accounts, many addresses), could queue unbounded hashing work.
 */
export class PasswordCheckGate {
  private running = 0;
  private readonly line: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly waiting: number,
  ) {}

  /** Runs `check` when a slot is free; throws GateFull without running it when the line is full. */
  async run<T>(check: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      if (this.line.length >= this.waiting) throw new GateFull();
      await new Promise<void>((resolve) => this.line.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await check();
    } finally {
      // The slot passes straight to the next in line, so `running` never drops while others wait.
      const next = this.line.shift();
      if (next) next();
      else this.running--;
    }
  }

  get inFlight(): number {
    return this.running;
  }
}
