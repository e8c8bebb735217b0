/**
 * Builds the task pane with webpack: in test mode with the simulated host for the browser tests, or as
 * the production build for a company's URL (test/deploy/production-build.test.ts).
 */
import path from 'path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs one webpack compilation; its errors reject. */
export function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** The project's webpack configuration for `env` and `argv`, as the webpack command line makes it. */
function projectConfig(env: Record<string, unknown>, argv: Record<string, unknown>): webpack.Configuration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration;
  return { ...makeConfig(env, argv), context: ROOT };
}

/** dist for the test (no office.js tag) in `outDir`, and `sim-host.js` next to it. */
export async function buildForBrowserTest(outDir: string): Promise<void> {
  await compile({ ...projectConfig({ test: true, outDir }, { mode: 'development' }), devtool: false });
  await buildSimHost(path.join(outDir, 'test'));
}

/** What `npm run build -- --env url=<url>` writes, in `outDir`. */
export async function buildForProduction(outDir: string, url: string): Promise<void> {
  await compile(projectConfig({ url, outDir }, { mode: 'production' }));
}

/** The simulated Excel host (test/browser/sim-host.ts) as `sim-host.js` in `outDir`. */
export async function buildSimHost(outDir: string): Promise<void> {
  await compile({
    mode: 'development',
    context: ROOT,
    devtool: false,
    entry: { 'sim-host': './test/browser/sim-host.ts' },
    output: { path: outDir, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }],
    },
  });
}
