// Renders assets/build/icon.svg into the application icons electron-builder packs: a PNG set for
// Linux (assets/build/icons/NxN.png) and a Windows .ico holding PNG images (Vista and later read
// them). Run by hand after changing the SVG (needs Debian's chromium); the results are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('assets/build/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const render = async (size) => {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
};
mkdirSync('assets/build/icons', { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(`assets/build/icons/${size}x${size}.png`, await render(size));
writeFileSync('assets/build/icon.png', await render(512));

// ICO: a 6-byte header, a 16-byte entry per image, then the PNG bytes.
const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = [];
for (const size of sizes) images.push(await render(size));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, i) => {
  const e = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
  header.writeUInt8(size >= 256 ? 0 : size, e + 1);
  header.writeUInt16LE(1, e + 4); // colour planes
  header.writeUInt16LE(32, e + 6); // bits per pixel
  header.writeUInt32LE(images[i].length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += images[i].length;
});
writeFileSync('assets/build/icon.ico', Buffer.concat([header, ...images]));
await browser.close();
