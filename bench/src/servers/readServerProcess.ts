// Starts the benchmark read server (readServer.ts) in its own process and reads its memory.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** Starts the server on a database (and optional extra environment); resolves with its port. */
export async function startReadServer(
  client: string,
  connection: string,
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(__dirname, "readServer.ts")],
    {
      env: {
        ...process.env,
        ...env,
        BENCH_DB_CLIENT: client,
        BENCH_DB_CONNECTION: connection,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`bench server exited with ${code}`)),
    );
    lines.on("line", (line) => {
      if (line.startsWith('{"port"')) resolve(JSON.parse(line).port);
    });
  });
  return { port, child };
}

/** Peak resident memory of a process so far, in MB (Linux's VmHWM); undefined elsewhere. */
export function peakRssMb(pid: number | undefined): number | undefined {
  return statusMb(pid, "VmHWM");
}

/** Resident memory of a process now, in MB (Linux's VmRSS); undefined elsewhere. */
export function rssMb(pid: number | undefined): number | undefined {
  return statusMb(pid, "VmRSS");
}

function statusMb(pid: number | undefined, field: string): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(
      new RegExp(`^${field}:\\s+(\\d+) kB$`, "m"),
    );
    return line ? Number(line[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resets a process's peak resident memory to its current RSS (Linux's `clear_refs` 5), so a later
 * {@link peakRssMb} covers only what follows; false where the kernel does not offer it.
 */
export function resetPeakRss(pid: number | undefined): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
