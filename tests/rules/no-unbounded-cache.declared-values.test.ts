import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A Map whose values are objects of a type the module declares (`new Map<string, Game>()`, `class
 * Game { push(socket) … }`): `games.get(id)?.push(socket)` calls the game's own method, not a nested
 * collection's (MOOgiwara's rooms, keyed by the creating socket and deleted on disconnect). Values
 * written as collections (`Map<string, Socket[]>`) are judged as nested collections, as before.
 * Same verdicts in both modes: the written type says it.
 */
const rooms = (valueType: string, classBody: string) => `
import { Server, type Socket } from 'socket.io';
${classBody}
const io = new Server(3000);
const games = new Map<string, ${valueType}>();
io.on('connection', (socket: Socket) => {
  const lobbyId = String(socket.handshake.query.lobby);
  if (!games.has(lobbyId)) games.set(lobbyId, ${valueType === 'Game' ? 'new Game()' : '[]'});
  const game = games.get(lobbyId);
  game?.push(socket);
  socket.on('disconnect', () => {
    games.delete(lobbyId);
  });
});`;

const gameClass = `
class Game {
  players: Socket[] = [];
  push(socket: Socket): void {
    if (this.players.length < 2) this.players.push(socket);
  }
}`;

typedRuleTester().run('no-unbounded-cache (values of a declared type, typed)', rule, {
  valid: [{ name: "a game's own push() (MOOgiwara)", code: rooms('Game', gameClass) }],
  invalid: [{ name: 'an array of sockets per room, pushed to on every connection', code: rooms('Socket[]', ''), errors: [{ messageId: 'unboundedNestedCollection' }] }],
});
untypedRuleTester().run('no-unbounded-cache (values of a declared type, untyped)', rule, {
  valid: [{ name: "a game's own push() (MOOgiwara)", code: rooms('Game', gameClass) }],
  invalid: [{ name: 'an array of sockets per room, pushed to on every connection', code: rooms('Socket[]', ''), errors: [{ messageId: 'unboundedNestedCollection' }] }],
});
