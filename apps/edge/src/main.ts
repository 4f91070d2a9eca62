import { devTokenMinter } from './dev-sign-in/dev-token-minter';
import { EdgeConfig, EdgeConfigError, loadEdgeConfig } from './edge-config';
import { createEdgeServer } from './edge-server';
import { upstreamRoutes } from './upstream-routes';

async function main(): Promise<void> {
  let config: EdgeConfig;
  try {
    config = loadEdgeConfig();
  } catch (error) {
    if (error instanceof EdgeConfigError) {
      process.stderr.write(`edge: configuration refused — ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const minter = config.devSignInKeyFile ? devTokenMinter(config.devSignInKeyFile) : null;
  const server = createEdgeServer(config, minter);
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`edge: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}\n`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const routes = upstreamRoutes
      .map((route) => `${route.prefix}/ → ${config.upstreams[route.service].href}`)
      .join(', ');
    process.stdout.write(
      `edge: http://${config.host}:${config.port}/ (${config.mode}; console ${config.consoleDist}; development sign-in ${minter ? 'on' : 'off'}); ${routes}\n`,
    );
  });
  const stop = () => {
    // Open event streams would hold close() for ever: end them, then exit.
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`edge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
