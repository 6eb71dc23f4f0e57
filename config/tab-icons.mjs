#!/usr/bin/env node
// Draws the tab bar icons (81×81 PNG, WeChat's size) as simple shapes: 晒 a sun, 榜 a podium, 我 a person.
// Run `node config/tab-icons.mjs` after changing a shape; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZE = 81;
const GREY = [107, 107, 107];
const BLUE = [31, 86, 200];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(inside, [r, g, b]) {
  const rows = [];
  const n = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let hit = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) if (inside(x + (i + 0.5) / n, y + (j + 0.5) / n)) hit++;
      row.set([r, g, b, Math.round((255 * hit) / (n * n))], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const c = SIZE / 2;
const dist = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);
const rect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

// 晒: a sun — a disc and eight rays.
const sun = (x, y) => {
  const d = dist(x, y, c, c);
  if (d <= 15) return true;
  if (d < 22 || d > 36) return false;
  const a = Math.atan2(y - c, x - c);
  const step = Math.PI / 4;
  const off = Math.abs(((a + step / 2 + 2 * Math.PI) % step) - step / 2);
  return off * d < 3.2;
};
// 榜: a podium — three blocks, the middle one highest.
const podium = (x, y) =>
  rect(x, y, 8, 44, 28, 70) || rect(x, y, 30.5, 18, 50.5, 70) || rect(x, y, 53, 34, 73, 70);
// 我: a person — head and shoulders.
const person = (x, y) =>
  dist(x, y, c, 26) <= 14 || (y >= 46 && y <= 72 && ((x - c) / 27) ** 2 + ((y - 72) / 26) ** 2 <= 1);

const out = new URL('../src/assets/tab/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, shape] of [
  ['feed', sun],
  ['board', podium],
  ['me', person],
]) {
  writeFileSync(new URL(`${name}.png`, out), png(shape, GREY));
  writeFileSync(new URL(`${name}-on.png`, out), png(shape, BLUE));
}
console.log('tab icons written to src/assets/tab/');
