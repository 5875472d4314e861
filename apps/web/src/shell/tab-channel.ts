/** What one tab of the app tells the others: the user is active, or has signed out. */
export type TabMessage = { type: 'activity'; at: number } | { type: 'signed-out' };

const NAME = 'amparo.session';

/**
 * The app's tabs share one session (the refresh cookie), so activity in one keeps the others from
 * idling out, and a sign-out in one signs them all out. Without BroadcastChannel, tabs act alone.
 */
export function openTabChannel(onMessage: (message: TabMessage) => void): {
  post(message: TabMessage): void;
  close(): void;
} {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => {} };
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
