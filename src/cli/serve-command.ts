import { InvalidArgumentError, type Command } from 'commander';
import type { CliIo, CommandOutcome } from './program.js';

/**
 * `modelgate serve --config FILE`: the registry hook server. Thin: the server is imported only
 * when this command runs, so `--version` and `check` never load fastify or a registry client.
 */
export interface ServeCommandOptions {
  /** Resolves when the server should stop; by default on SIGINT or SIGTERM. */
  untilStopped?: () => Promise<void>;
}

interface ServeFlags {
  config: string;
  host?: string;
  port?: number;
}

export function registerServeCommand(program: Command, io: CliIo, done: (outcome: CommandOutcome) => void, options: ServeCommandOptions = {}): void {
  program
    .command('serve')
    .description('run the registry hook server: MLflow, Hugging Face Hub and SageMaker events are judged, recorded in the audit trail and written back')
    .requiredOption('-c, --config <file>', 'the hook server configuration (YAML; see docs/hooks.md)')
    .option('--host <address>', 'listen on this address instead of listen.host')
    .option('--port <port>', 'listen on this port instead of listen.port (0: any free port)', parsePort)
    .action(async (flags: ServeFlags) => done(await runServe(flags, io, options.untilStopped ?? stopSignal)));
}

async function runServe(flags: ServeFlags, io: CliIo, untilStopped: () => Promise<void>): Promise<CommandOutcome> {
  const { startHookServer } = await import('../registry/serve.js');
  const server = await startHookServer({ configPath: flags.config, cwd: io.cwd, env: io.env, host: flags.host, port: flags.port });
  await untilStopped();
  server.app.log.info('stopping: finishing the requests in flight');
  await server.close();
  return { exitCode: 0 };
}

/** A process manager or container runtime stops the server with SIGTERM; a person with Ctrl-C. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('must be a port number, 0 to 65535.');
  return port;
}
