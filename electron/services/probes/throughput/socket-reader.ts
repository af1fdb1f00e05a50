import type net from 'node:net';

/** Reads exact byte counts from a socket, in order; fails pending reads when the socket ends. */
export class SocketReader {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { size: number; resolve: (b: Buffer) => void; reject: (e: Error) => void } | null = null;
  private ended: Error | null = null;

  constructor(socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.pump();
    });
    const end = (error?: Error) => {
      this.ended ??= error ?? new Error('the connection closed');
      this.pump();
    };
    socket.on('end', () => end());
    socket.on('close', () => end());
    socket.on('error', (error) => end(error));
  }

  private pump(): void {
    const w = this.waiting;
    if (!w) return;
    if (this.buffer.length >= w.size) {
      const out = this.buffer.subarray(0, w.size);
      this.buffer = this.buffer.subarray(w.size);
      this.waiting = null;
      w.resolve(Buffer.from(out));
    } else if (this.ended) {
      this.waiting = null;
      w.reject(this.ended);
    }
  }

  read(size: number): Promise<Buffer> {
    if (this.waiting) return Promise.reject(new Error('one read at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { size, resolve, reject };
      this.pump();
    });
  }

  /** Reads up to and including the next newline; null at end of stream. */
  async readLine(maxBytes = 64 * 1024): Promise<string | null> {
    for (;;) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline >= 0) {
        const line = this.buffer.subarray(0, newline).toString('utf8');
        this.buffer = this.buffer.subarray(newline + 1);
        return line;
      }
      if (this.ended) return null;
      if (this.buffer.length > maxBytes) throw new Error('line too long');
      await new Promise<void>((resolve) => {
        this.waiting = {
          size: this.buffer.length + 1,
          resolve: (b) => {
            this.buffer = Buffer.concat([b, this.buffer]);
            resolve();
          },
          reject: () => resolve(),
        };
        this.pump();
      });
    }
  }
}
