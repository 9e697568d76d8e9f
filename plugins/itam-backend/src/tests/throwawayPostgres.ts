import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL server binaries installed the Debian way (`/usr/lib/postgresql/<major>/bin`). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter(d => existsSync(join(root, d, 'bin', 'pg_ctl'))) : [];
  if (majors.length === 0) throw new Error(`No PostgreSQL server binaries under ${root} (apt-get install postgresql)`);
  return join(root, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server of its own for a fault test: a fresh cluster in a temporary folder, on a
 * free port, that the test may stop and start without disturbing the shared server other suites
 * use. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<ThrowawayPostgres> {
    const bin = postgresBinDir();
    const dir = mkdtempSync(join(tmpdir(), 'itam-pg-fault-'));
    if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
    const pg = new ThrowawayPostgres(bin, dir, await freePort());
    pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    pg.start();
    return pg;
  }

  get connection() {
    return { host: '127.0.0.1', port: this.port, user: 'postgres', database: 'postgres' };
  }

  private get dataDir() {
    return join(this.dir, 'data');
  }

  private run(tool: string, args: string[]) {
    const command = join(this.bin, tool);
    const asRoot = process.getuid?.() === 0;
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: 'pipe',
      cwd: this.dir,
    });
  }

  /** Starts the server and waits until it accepts connections. */
  start() {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dir, 'log'), '-w', '-t', '60', 'start']);
  }

  /** Stops the server as a crash would (`immediate`: no checkpoint, connections cut). */
  stop(mode: 'immediate' | 'fast' = 'immediate') {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  /** Stops the server if it runs and removes its files. */
  destroy() {
    try {
      this.stop('immediate');
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
