/**
 * Photos from phone cameras are 3–12 MB; on 3G that is minutes. Before upload they are redrawn at most 1600 px on the
 * longest side as JPEG (≈ 200–400 KB, still legible for papers). PDFs and images the browser cannot decode are sent
 * as they are (the server then decides from the bytes).
 */
const MAX_SIDE = 1600;
const QUALITY = 0.82;

async function decode(file: Blob): Promise<{ img: CanvasImageSource; width: number; height: number } | undefined> {
  try {
    const bitmap = await createImageBitmap(file);
    return { img: bitmap, width: bitmap.width, height: bitmap.height };
  } catch {
    return undefined;
  }
}

function draw(src: { img: CanvasImageSource; width: number; height: number }, maxSide: number, quality: number): Promise<Blob | null> {
  const scale = Math.min(1, maxSide / Math.max(src.width, src.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(src.width * scale));
  canvas.height = Math.max(1, Math.round(src.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(src.img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

export interface PreparedFile { blob: Blob; name: string; thumb?: string }

export async function prepareUpload(file: File): Promise<PreparedFile> {
  if (!file.type.startsWith('image/')) return { blob: file, name: file.name };
  const src = await decode(file);
  if (!src) return { blob: file, name: file.name };
  const shrunk = await draw(src, MAX_SIDE, QUALITY);
  const thumbBlob = await draw(src, 208, 0.7);
  const blob = shrunk && shrunk.size < file.size ? shrunk : file;
  const name = blob === file ? file.name : file.name.replace(/\.[^.]*$/, '') + '.jpg';
  return { blob, name, thumb: thumbBlob ? await toDataUrl(thumbBlob) : undefined };
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}
