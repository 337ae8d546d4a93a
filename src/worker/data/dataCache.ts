// The MNIST files in Cache Storage, written by this worker after a download that parsed cleanly, so the
// next visit (even offline) reads them locally and the first visit downloads them only once. The service
// worker does not precache them for that reason. Any failure here just means "download again".
const CACHE = 'mnist-data-v1';

async function open(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE);
  } catch {
    return null; // e.g. storage disabled
  }
}

/**
 * The stored bytes of `url`, or null. `expectedBytes` (from the data manifest) rejects stale copies; a copy over
 * `maxBytes` is never read into memory.
 */
export async function readCached(
  url: string,
  expectedBytes: number | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  try {
    const res = await (await open())?.match(url);
    if (!res) return null;
    const blob = await res.blob();
    if (blob.size > maxBytes || (expectedBytes !== null && blob.size !== expectedBytes)) return null;
    return new Uint8Array(await blob.arrayBuffer());
  } catch {
    return null;
  }
}

export async function writeCached(files: { url: string; bytes: Uint8Array }[]) {
  const cache = await open();
  if (!cache) return;
  try {
    await Promise.all(
      files.map((f) =>
        cache.put(
          f.url,
          new Response(f.bytes as BlobPart, { headers: { 'Content-Type': 'application/octet-stream' } }),
        ),
      ),
    );
  } catch {
    // quota or private mode: the data simply is not kept
  }
}

export async function clearCached() {
  try {
    if (typeof caches !== 'undefined') await caches.delete(CACHE);
  } catch {
    // nothing to clear
  }
}
