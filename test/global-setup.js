/**
 * Runs once before a Jest run: names the run, so the browser tests of this run share one build of the
 * pane (test/browser/harness.ts), and removes the builds of runs older than an hour.
 */
const fs = require('fs');
const path = require('path');

module.exports = async function globalSetup() {
  process.env.ABC_TEST_RUN = `${process.pid}-${Date.now()}`;
  const output = path.join(__dirname, '..', 'test-output');
  if (!fs.existsSync(output)) return;
  // Builds of earlier runs; a run still going (another terminal) is younger than an hour and is left alone.
  const old = Date.now() - 60 * 60_000;
  for (const entry of fs.readdirSync(output)) {
    const full = path.join(output, entry);
    if (/^browser-dist-\d+-\d+(\.lock)?$/.test(entry) && fs.statSync(full).mtimeMs < old) fs.rmSync(full, { recursive: true, force: true });
  }
};
