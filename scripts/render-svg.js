#!/usr/bin/env node
/**
 * Renders an SVG file (the runner's `--svg-flow` or `--svg` picture) to a PNG with headless Chromium, for
 * the README's pictures: `node scripts/render-svg.js <in.svg> <out.png> [scale]`. Uses playwright-core and
 * Debian's Chromium (/usr/bin/chromium, or $CHROMIUM), which the browser tests already need; no download.
 * The page is the SVG alone, sized to its width and height attributes, so the PNG is the picture exactly.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [input, output, scaleArg] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    process.stderr.write('usage: node scripts/render-svg.js <in.svg> <out.png> [scale]\n');
    return 2;
  }
  const svg = fs.readFileSync(input, 'utf8');
  const size = (name) => Number(new RegExp(`<svg[^>]*\\s${name}="([0-9.]+)"`).exec(svg)?.[1] ?? 800);
  const width = Math.ceil(size('width'));
  const height = Math.ceil(size('height'));
  const scale = Number(scaleArg ?? 1) || 1;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
    // The SVG as an image of its own page: scripts inside an SVG file never run from an <img>.
    const url = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
    await page.setContent(`<!doctype html><html><body style="margin:0"><img src="${url}" width="${width}" height="${height}" style="display:block"></body></html>`);
    await page.waitForFunction(() => document.images[0]?.complete === true);
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    await page.screenshot({ path: output, clip: { x: 0, y: 0, width, height } });
  } finally {
    await browser.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`render-svg: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
