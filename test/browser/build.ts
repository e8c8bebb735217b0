/** Builds the task pane in test mode and the simulated host with webpack, for the browser test. */
import path from 'path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '..', '..');

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** dist for the test (no office.js tag) in `outDir`, and `sim-host.js` next to it. */
export async function buildForBrowserTest(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration;
  const config = makeConfig({ test: true, outDir }, { mode: 'development' });
  await compile({ ...config, context: ROOT, devtool: false });
  await compile({
    mode: 'development',
    context: ROOT,
    devtool: false,
    entry: { 'sim-host': './test/browser/sim-host.ts' },
    output: { path: path.join(outDir, 'test'), filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }],
    },
  });
}
