import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();

// Filled at login, read on every rename.
var userIdByToken = {};
var nameByUserId = {};

bus.on('login', (token, userId, name) => {
  userIdByToken[token] = userId;
  nameByUserId[userId] = name;
});

bus.on('rename', (token, name) => {
  nameByUserId[userIdByToken[token]] = name;
});
