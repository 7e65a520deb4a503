export class RoomRegistry {
  constructor() {
    this.rooms = {};
  }

  join(socketId, room) {
    (this.rooms[room] ??= []).push(socketId);
    return true;
  }

  leave(socketId, room) {
    throw new Error('not implemented');
  }

  leaveAll(socketId) {
    throw new Error('not implemented');
  }

  members(room) {
    return this.rooms[room] ?? [];
  }

  roomsOf(socketId) {
    throw new Error('not implemented');
  }

  get roomCount() {
    return Object.keys(this.rooms).length;
  }

  targets(rooms, { exceptRooms = [], exceptSocket } = {}) {
    throw new Error('not implemented');
  }
}
