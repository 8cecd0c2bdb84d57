import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerCampaignCommands } from './commands/campaigns.js';
import { registerCheckCommand } from './commands/check.js';
import { registerModelCommands } from './commands/model.js';
import { registerPolicyCommands } from './commands/policy.js';
import { registerReviewCommands } from './commands/review.js';
import { registerCrawlCommands } from './commands/crawl.js';
import { registerFactCheckCommands } from './commands/factchecks.js';
import { registerLegalCommands } from './commands/legal.js';
import { registerMatchCommand } from './commands/match.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerOutletCommands } from './commands/outlets.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTextCommands } from './commands/text.js';
import { registerTokenCommands } from './commands/tokens.js';
import { exitCodeFor, formatError } from './errors.js';
import { activePack, applyPolicy } from '../pipeline/detectors.js';
import { loadFactChecks } from '../pipeline/factchecks.js';
import { toDetectDocument } from '../pipeline/ingest.js';
import { listDocuments } from '../store/documents.js';
import { collect, setEnvironment, withContext } from './shared.js';

/** Builds the `kiemtin` command tree. */
export function buildProgram(): Command {
  const program = new Command('kiemtin')
    .description(
      'kiểm tin — monitor Vietnamese news sites, blogs and social pages; detect harmful and false information; review with due process',
    )
    .version('0.1.0')
    .option('--data-dir <dir>', 'embedded store directory (env KIEMTIN_DATA_DIR, default ./.kiemtin)')
    .option(
      '--allow-host <host>',
      'allow fetching this host or CIDR even if private/loopback (repeatable; env KIEMTIN_ALLOW_HOSTS)',
      collect,
    )
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerOutletCommands(program);
  registerTokenCommands(program);
  registerDemoCommand(program);
  registerCheckCommand(program);
  registerCrawlCommands(program);
  registerTextCommands(program);
  registerModelCommands(program);
  registerFactCheckCommands(program);
  registerCampaignCommands(program);
  registerReviewCommands(program);
  registerLegalCommands(program);
  registerPolicyCommands(program, {
    loadDocuments: (limit) =>
      withContext(program, async (ctx) =>
        (await listDocuments(ctx.db, { limit })).map((d) => toDetectDocument(d, null)),
      ),
    activePack: () =>
      withContext(program, async (ctx) => {
        const p = await activePack(ctx.db);
        return { yaml: p.yaml, version: p.pack.version };
      }),
    savePack: (yaml) => withContext(program, async (ctx) => void (await applyPolicy(ctx, yaml, 'cli'))),
  });
  registerMatchCommand(program, () =>
    withContext(program, (ctx) => loadFactChecks(ctx.db, { status: 'published' })),
  );
  return program;
}

/** Entry point: returns the process exit code. The only place that reads process.env. */
export async function main(argv: string[]): Promise<number> {
  setEnvironment(process.env);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    console.error(formatError(err));
    return exitCodeFor(err);
  }
}

// Run directly (`tsx src/cli/main.ts ...` in development); bin/kiemtin.js calls main() after a build.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 70;
    },
  );
}
