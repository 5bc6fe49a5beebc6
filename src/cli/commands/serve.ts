/** `whereabouts serve`: the HTTP API (and the web application when built). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { openRuntime } from '../runtime.js';

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the API on HOST:PORT (default 127.0.0.1:3000)')
    .option('--port <port>', 'port (default: $PORT, then 3000)', (v) => Number.parseInt(v, 10))
    .option('--host <host>', 'address to listen on (default: $HOST, then 127.0.0.1)')
    .action(async (opts: { port?: number; host?: string }) => {
      // Loaded on demand so that other commands start without the HTTP stack.
      const { buildServer } = await import('../../http/build-server.js');
      const rt = await openRuntime(ctx, {
        ...(opts.port !== undefined && { port: opts.port }),
        ...(opts.host && { host: opts.host }),
      });
      const server = await buildServer({ app: rt.app, config: rt.config, logger: rt.logger });
      const address = await server.listen({ port: rt.config.port, host: rt.config.host });
      ctx.stdout.write(`Whereabouts is serving on ${address} (database: ${rt.database.dialect})\n`);
      if (await rt.app.auth.needsSetup()) {
        const token = await rt.app.auth.issueSetupToken();
        ctx.stdout.write(
          `No administrator exists yet. Create the first one with this one-time link:\n  ${rt.config.baseUrl}/setup?token=${token}\n`,
        );
      }
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server
            .close()
            .then(() => rt.close())
            .then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
