import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ObjectClient, type S3ObjectClientOptions } from '../../functions/core/store/s3-client.js';

/** Whether `moto_server` (Python package moto) is on this machine. */
export function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

/**
 * Fail under CI when moto is missing (the S3 suites must run there); elsewhere print why the
 * S3 suites are skipped.
 */
export function requireMotoUnderCi(): boolean {
  const available = motoAvailable();
  if (!available) {
    if (process.env.CI === 'true') throw new Error('moto_server is required under CI=true (pip install "moto[server]")');
    console.warn('moto_server not found: S3 tests skipped. Install it with: pip install "moto[server]"');
  }
  return available;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running moto S3 server on 127.0.0.1 with a random port. */
export interface MotoServer {
  readonly endpoint: string;
  /** An AWS SDK client for this server (path-style, dummy credentials), to set up and inspect buckets. */
  client(): S3Client;
  /** The functions' own S3 client for this server (path-style, dummy credentials unless given), for `S3Store`. */
  objectClient(options?: S3ObjectClientOptions): S3ObjectClient;
  /** Create a bucket and return its name. */
  createBucket(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Start moto's server and wait until it answers. */
export async function startMoto(): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('moto_server did not start');
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const clients: S3Client[] = [];
  const client = () => {
    const c = new S3Client({
      endpoint,
      region: 'eu-north-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    clients.push(c);
    return c;
  };
  let n = 0;
  return {
    endpoint,
    client,
    objectClient: (options = {}) =>
      new S3ObjectClient({
        endpoint,
        region: 'eu-north-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        ...options,
      }),
    async createBucket(name) {
      const bucket = name ?? `test-${process.pid}-${Date.now().toString(36)}-${n++}`;
      await client().send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-north-1' } }));
      return bucket;
    },
    async stop() {
      for (const c of clients) c.destroy();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
