// Vite plugin: a strict Content Security Policy in the built index.html. The app loads nothing from other origins
// and runs no inline script, so everything is 'self', except:
//  - 'wasm-unsafe-eval': compiling the tfjs .wasm backend (WebAssembly.instantiate needs it);
//  - blob: for workers and scripts: tfjs-backend-wasm starts its pthreads from a Blob of its own bundled source;
//  - data: and blob: images: canvases turned into pictures and downloads made in the page.
// frame-ancestors is ignored in a <meta> policy; servers that can send headers send it (vite preview here,
// public/_headers for static hosts that read that file). Not applied to `vite` dev, which injects inline scripts.
import type { Plugin } from 'vite';

/**
 * A build told to take the MNIST files from another host (VITE_DATA_URL, README "Put it on a server") may fetch from
 * it.
 */
const dataHost = process.env.VITE_DATA_URL?.startsWith('http') ? ` ${new URL(process.env.VITE_DATA_URL).origin}` : '';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  `connect-src 'self'${dataHost}`,
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The same policy as a header, where frame-ancestors works: only pages of this origin may frame the app. */
export const CSP_HEADER = `${CSP}; frame-ancestors 'self'`;

/** `headers` for every response, as the page needs them (also written to dist/_headers for static hosts). */
export function contentSecurityPolicy(headers: Record<string, string>): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    generateBundle() {
      const lines = Object.entries({ ...headers, 'Content-Security-Policy': CSP_HEADER }).map(
        ([k, v]) => `  ${k}: ${v}`,
      );
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${lines.join('\n')}\n` });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
      ],
    },
  };
}
