/** socket.io namespace and rooms (CONTRACT.md § Real time). */
export const LIVE_NAMESPACE = '/live';
export const SOCKET_PATH = '/socket.io';

export const ROOM_KINDS = ['process', 'meeting', 'proposal'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export type RoomName = `${RoomKind}:${string}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const room = {
  process: (id: string): RoomName => `process:${id}`,
  meeting: (id: string): RoomName => `meeting:${id}`,
  proposal: (id: string): RoomName => `proposal:${id}`,
};

/**
 * Parses `kind:uuid` into its parts, with the id in lower case (so `proposal:ABC…` and
 * `proposal:abc…` are one room); null for anything else (clients may send garbage).
 */
export function parseRoom(name: unknown): { kind: RoomKind; id: string; name: RoomName } | null {
  if (typeof name !== 'string' || name.length > 80) return null;
  const i = name.indexOf(':');
  if (i < 0) return null;
  const kind = name.slice(0, i);
  const id = name.slice(i + 1).toLowerCase();
  if ((ROOM_KINDS as ReadonlyArray<string>).includes(kind) && UUID.test(id)) {
    const k = kind as RoomKind;
    return { kind: k, id, name: room[k](id) };
  }
  return null;
}
