#!/usr/bin/env node
/**
 * Draws the add-in's icons (16, 32, 64, 80 and 128 px PNGs in assets/) from a few shapes, so the repository
 * needs no image editor and no download: a blue tile with white bars that rise and then fall, the shape
 * of a whale curve. Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels to PNG bytes. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
/** Bar heights (fraction of the inner height): cumulative profit rising, peaking and falling back. */
const BARS = [0.45, 0.75, 0.92, 1.0, 0.86, 0.62];

/** Coverage of a pixel by a shape, by 4x4 supersampling, for smooth edges at 16 px. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const radius = size * 0.18;
  const inside = (x, y) => {
    // Rounded tile.
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const margin = size * 0.2;
  const inner = size - 2 * margin;
  const slot = inner / BARS.length;
  const bar = (x, y) => {
    if (x < margin || x >= size - margin || y >= size - margin) return false;
    const i = Math.floor((x - margin) / slot);
    const within = (x - margin - i * slot) / slot;
    if (within < 0.15 || within > 0.85) return false;
    return y >= size - margin - BARS[i] * inner;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = px + (sx + 0.5) / 4;
          const y = py + (sy + 0.5) / 4;
          if (inside(x, y)) {
            tile++;
            if (bar(x, y)) white++;
          }
        }
      }
      const o = (py * size + px) * 4;
      const w = tile === 0 ? 0 : white / tile;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BLUE[c] * (1 - w) + WHITE[c] * w);
      pixels[o + 3] = Math.round((tile / 16) * 255);
    }
  }
  return png(size, pixels);
}

const out = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), draw(size));
}
console.log(`Icons written to ${out}`);
