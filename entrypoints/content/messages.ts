/**
 * Messages from the background (keyboard commands, later the popup) to the top frame's content
 * script. The card UI listens for them (see ui.ts); nothing else is sent.
 */

export type UiMessage = { type: 'figure-check:step'; direction: 1 | -1 } | { type: 'figure-check:open'; id: string };

/** Extension commands declared in wxt.config.ts, and the step each one takes. */
export const STEP_COMMANDS: Record<string, 1 | -1> = {
  'next-figure': 1,
  'previous-figure': -1,
};

export function isUiMessage(message: unknown): message is UiMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'figure-check:step') return m.direction === 1 || m.direction === -1;
  if (m.type === 'figure-check:open') return typeof m.id === 'string';
  return false;
}
