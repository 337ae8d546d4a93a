// The person's yes/no: the browser's native confirm (the e2e tests and the UI contract answer it). Actions that ask
// take an Ask as a parameter defaulting to this one, so unit tests pass a stub.
export type Ask = (question: string) => boolean;

export const nativeConfirm: Ask = (question) => window.confirm(question);

/** A line of text typed by the person, or null when they cancel (the browser's native prompt). */
export const nativePrompt = (question: string, value: string): string | null => window.prompt(question, value);

/**
 * Puts `text` on the clipboard; where the browser refuses (no permission, an insecure page), shows it in the native
 * prompt to copy by hand. True when it reached the clipboard.
 */
export async function copyText(text: string, question: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    nativePrompt(question, text);
    return false;
  }
}
