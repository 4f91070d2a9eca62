import { connect, Socket } from 'node:net';
import { readResponses } from './http-load';

interface Waiting {
  readonly request: string;
  readonly resolve: (status: number) => void;
  readonly reject: (error: Error) => void;
}

interface Connection {
  readonly socket: Socket;
  current: Waiting | null;
}

/**
 * A fixed number of keep-alive connections, one request in flight on each, for open-loop load: `send` hands the
 * request to a free connection or queues it (first come, first served) until one is free, so the number of requests
 * in flight never exceeds the pool while the caller keeps its own schedule. Raw sockets like `httpLoad` (status line
 * and Content-Length only) to keep the load generator light on a 2-core machine. Requests are built strings
 * (`jsonPost`), written as UTF-8.
 *
 * Free connections are reused least recently used first, so at a steady rate every connection stays warm instead of a
 * few doing all the work while the rest pass the server's keep-alive timeout (Node closes a socket idle for 5 s). A
 * connection the server closes anyway is replaced; a request it carried fails (`send` rejects) rather than hangs.
 */
export class KeepAlivePool {
  private readonly idle: Connection[] = [];
  private readonly queue: Waiting[] = [];
  private readonly sockets = new Set<Socket>();
  private closed = false;

  private constructor(private readonly url: URL) {}

  static async open(baseUrl: string, size: number): Promise<KeepAlivePool> {
    const pool = new KeepAlivePool(new URL(baseUrl));
    await Promise.all(Array.from({ length: size }, () => pool.connect()));
    return pool;
  }

  get host(): string {
    return this.url.host;
  }

  /** Requests waiting for a free connection. */
  get queued(): number {
    return this.queue.length;
  }

  /** Sends `request` when a connection is free; resolves with the response's status code. */
  send(request: string): Promise<number> {
    if (this.closed) return Promise.reject(new Error('bench: the connection pool is closed'));
    return new Promise((resolve, reject) => {
      const waiting = { request, resolve, reject };
      const free = this.idle.shift();
      if (free) this.write(free, waiting);
      else this.queue.push(waiting);
    });
  }

  close(): void {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('bench: the connection pool is closed'));
  }

  private connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.url.hostname, port: Number(this.url.port), noDelay: true });
      const connection: Connection = { socket, current: null };
      this.sockets.add(socket);
      let connected = false;
      socket.once('connect', () => {
        connected = true;
        this.release(connection);
        resolve();
      });
      readResponses(
        socket,
        (status) => {
          const answered = connection.current;
          connection.current = null;
          this.release(connection);
          answered?.resolve(status);
        },
        (error) => {
          if (!connected) reject(error);
          // 'close' follows and settles what the connection carried.
        },
      );
      socket.once('close', () => {
        this.sockets.delete(socket);
        const index = this.idle.indexOf(connection);
        if (index >= 0) this.idle.splice(index, 1);
        connection.current?.reject(new Error('bench: the server closed the connection before answering'));
        connection.current = null;
        if (connected && !this.closed) {
          this.connect().catch((error: Error) => {
            for (const waiting of this.queue.splice(0)) waiting.reject(error);
          });
        }
      });
    });
  }

  /** A connection that is free takes the oldest queued request, or waits at the back of the idle line. */
  private release(connection: Connection): void {
    const next = this.queue.shift();
    if (next) this.write(connection, next);
    else this.idle.push(connection);
  }

  private write(connection: Connection, waiting: Waiting): void {
    connection.current = waiting;
    connection.socket.write(waiting.request);
  }
}
