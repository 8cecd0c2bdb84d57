import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, type Config, type EnvInput } from '../core/config.js';
import { createContext, type AppContext } from '../context.js';

/** Options every command accepts (set on the root program). */
export interface GlobalOptions {
  dataDir?: string;
  allowHost?: string[];
}

/** The environment, captured once by the entry point (main.ts). */
let env: EnvInput = {};
export function setEnvironment(e: EnvInput): void {
  env = e;
}

export function configFrom(cmd: Command, extra: { port?: number; host?: string } = {}): Config {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  return loadConfig(env, { dataDir: g.dataDir, allowHosts: g.allowHost, port: extra.port, host: extra.host });
}

/** Opens the context for one command and always closes it (the embedded store is locked while open). */
export async function withContext<T>(cmd: Command, fn: (ctx: AppContext) => Promise<T>, extra: { port?: number; host?: string } = {}): Promise<T> {
  const ctx = await createContext(configFrom(cmd, extra));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI, pipes). */
export function progressBar(label: string, total: number): { tick(n?: number, info?: string): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {info}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { info: '' });
  return {
    tick: (n = 1, info = '') => bar.increment(n, { info }),
    stop: () => bar.stop(),
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
