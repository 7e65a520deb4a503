export class RoomRegistry {
  /** room -> Set of socket ids (insertion order = join order) */
  #rooms = new Map();
  /** socket id -> Set of rooms */
  #sockets = new Map();

  join(socketId, room) {
    let members = this.#rooms.get(room);
    if (members?.has(socketId)) return false;
    if (!members) {
      members = new Set();
      this.#rooms.set(room, members);
    }
    members.add(socketId);
    let rooms = this.#sockets.get(socketId);
    if (!rooms) {
      rooms = new Set();
      this.#sockets.set(socketId, rooms);
    }
    rooms.add(room);
    return true;
  }

  leave(socketId, room) {
    const members = this.#rooms.get(room);
    if (!members?.delete(socketId)) return false;
    if (members.size === 0) this.#rooms.delete(room);
    const rooms = this.#sockets.get(socketId);
    rooms.delete(room);
    if (rooms.size === 0) this.#sockets.delete(socketId);
    return true;
  }

  leaveAll(socketId) {
    const rooms = [...(this.#sockets.get(socketId) ?? [])];
    for (const room of rooms) this.leave(socketId, room);
    return rooms;
  }

  members(room) {
    return [...(this.#rooms.get(room) ?? [])];
  }

  roomsOf(socketId) {
    return [...(this.#sockets.get(socketId) ?? [])];
  }

  get roomCount() {
    return this.#rooms.size;
  }

  targets(rooms, { exceptRooms = [], exceptSocket } = {}) {
    const excluded = new Set();
    for (const room of [exceptRooms].flat()) for (const id of this.#rooms.get(room) ?? []) excluded.add(id);
    if (exceptSocket !== undefined) excluded.add(exceptSocket);
    const result = new Set();
    for (const room of [rooms].flat()) {
      for (const id of this.#rooms.get(room) ?? []) if (!excluded.has(id)) result.add(id);
    }
    return [...result];
  }
}
