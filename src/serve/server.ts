/** Starting the review desk on loopback: `startDesk` listens on 127.0.0.1 only and answers to its own Host only. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { deskApp } from './app.js';
import { ownHosts } from './guard.js';

export const DEFAULT_PORT = 4173;
/** The only address the desk listens on. */
export const LOOPBACK = '127.0.0.1';

export interface RunningDesk {
  /** "http://127.0.0.1:4173" */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1:`port` (0: any free port). Rejects when the port is taken. */
export async function startDesk(options: { store: Store; port: number; editor: string | null }): Promise<RunningDesk> {
  const hosts = new Set<string>();
  const app = deskApp({ store: options.store, hosts, editor: options.editor });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: LOOPBACK }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  for (const host of ownHosts(port)) hosts.add(host);
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
