// Lets queued messages (Pause, predictions) run between training steps. A MessageChannel task, not an animation
// frame or a timer: hidden tabs throttle those, and training should not slow down in a background tab.
const channel = new MessageChannel();
const wakeups: (() => void)[] = [];
channel.port1.onmessage = () => wakeups.shift()?.();

export const yieldTask = () => new Promise<void>((r) => (wakeups.push(r), channel.port2.postMessage(0)));
