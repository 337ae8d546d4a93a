import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useLayoutEffect, useRef } from 'react';

/**
 * A formula typeset by KaTeX (HTML for the eye, MathML for screen readers). katex.render builds DOM nodes and sets
 * their styles through CSSOM, which the app's Content Security Policy (style-src 'self') allows; an HTML string
 * with style attributes (renderToString) would have its styles blocked.
 */
function Formula({ tex, block = false, testId }: { tex: string; block?: boolean; testId?: string }) {
  const span = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (span.current)
      katex.render(tex, span.current, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' });
  }, [tex, block]);
  return <span ref={span} className={block ? 'formula block' : 'formula'} data-testid={testId} data-tex={tex} />;
}

export default memo(Formula);
