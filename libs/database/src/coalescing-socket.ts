import { Socket } from 'node:net';

/**
 * A socket for the pg driver (its `stream` option) that sends everything written to it within one
 * tick of the event loop in one system call. node-postgres writes each statement on its own (its
 * protocol messages corked together), and a pipelined transaction sends several statements at once
 * (reading one case: the BEGIN with its settings and three statements; a creation: a dozen), so a
 * request made a system call per statement where one per round trip is enough; on a small machine
 * those system calls were the API's largest single cost per request (npm run bench:cases
 * --profile). Corking holds the writes in the socket until the tick's synchronous code and promise
 * continuations have run, which sends nothing later than the driver would have: the event loop
 * could not have given the socket to the kernel any sooner.
 */
export class CoalescingSocket extends Socket {
  private corked = false;

  override connect(...args: unknown[]): this {
    (super.connect as (...a: unknown[]) => this)(...args);
    // net.Socket.connect sets its own write on the socket (undoing the guard a peer's FIN put
    // there), so an overriding method would never be called: the coalescing write goes on after.
    this.write = this.writeInTicks as Socket['write'];
    return this;
  }

  private writeInTicks(...args: unknown[]): boolean {
    if (!this.corked) {
      this.corked = true;
      this.cork();
      process.nextTick(() => {
        this.corked = false;
        this.uncork();
      });
    }
    return (Socket.prototype.write as (...a: unknown[]) => boolean).apply(this, args);
  }
}

/** The pg driver's `stream` option: a coalescing socket for every connection of the pool. */
export const coalescingStream = (): Socket => new CoalescingSocket();
