/**
 * An image's pixel size read from its header, before anything decodes it: a 100-megapixel photo
 * takes pdf-lib tens of seconds and hundreds of megabytes, and a scan of an A4 page never needs it
 * (A4 at 600 dpi is 35 megapixels).
 */
export const MAX_IMAGE_MEGAPIXELS = 40;

export function imageSize(b: Uint8Array, type: 'png' | 'jpeg'): { width: number; height: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (type === 'png') return b.length >= 24 ? { width: dv.getUint32(16), height: dv.getUint32(20) } : null;
  // JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC).
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const len = dv.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
    i += 2 + len;
  }
  return null;
}
