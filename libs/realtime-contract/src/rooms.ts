/** socket.io namespace and rooms (CONTRACT.md § Real time). */
export const LIVE_NAMESPACE = '/live';
export const SOCKET_PATH = '/socket.io';

export type RoomKind = 'process' | 'meeting' | 'proposal';
export type RoomName = `${RoomKind}:${string}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const room = {
  process: (id: string): RoomName => `process:${id}`,
  meeting: (id: string): RoomName => `meeting:${id}`,
  proposal: (id: string): RoomName => `proposal:${id}`,
};

/** Parses `kind:uuid`; null for anything else (clients may send garbage). */
export function parseRoom(name: unknown): { kind: RoomKind; id: string } | null {
  if (typeof name !== 'string' || name.length > 80) return null;
  const i = name.indexOf(':');
  const kind = name.slice(0, i);
  const id = name.slice(i + 1);
  if ((kind === 'process' || kind === 'meeting' || kind === 'proposal') && UUID.test(id)) return { kind, id };
  return null;
}
