import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A TLS socket made over a socket the function was given (`tls.connect({ socket })`) is a layer on
 * the caller's connection: destroying that socket closes the TLS one, and the caller that opened it
 * destroys it when the upgrade fails (grpc-js's secure connectors). Made over a socket the function
 * opened itself, or over no socket at all, the TLS socket is judged as any other.
 */
const upgrade = (socketSource: string) => `
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { connect as netConnect, type Socket } from 'node:net';
export class Connector {
  constructor(private readonly options: ConnectionOptions, private readonly raw?: Socket) {}
  upgrade(given: Socket): Promise<TLSSocket> {
    ${socketSource}
    const tlsOptions: ConnectionOptions = { socket, ...this.options };
    return new Promise<TLSSocket>((resolve, reject) => {
      const tlsSocket = tlsConnect(tlsOptions, () => {
        if (!tlsSocket.authorized) {
          reject(tlsSocket.authorizationError);
          return;
        }
        resolve(tlsSocket);
      });
      tlsSocket.on('error', reject);
    });
  }
}`;

const ownSocket = upgrade("const socket = netConnect(443, 'example.org');\n    socket.on('error', () => socket.destroy());");

const valid = [
  { name: 'upgrading the socket the caller passed in', code: upgrade('const socket = given;').replace('const socket = given;\n', '').replace('{ socket, ', '{ socket: given, ') },
  { name: 'upgrading a socket kept in a field', code: upgrade('').replace('{ socket, ', '{ socket: this.raw, ') },
  {
    name: 'options written inline around a parameter',
    code: `
import { connect } from 'node:tls';
import type { Socket } from 'node:net';
export function secure(socket: Socket, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tlsSocket = connect({ socket, servername: host }, () => {
      if (!tlsSocket.authorized) return reject(new Error('unauthorized'));
      resolve();
    });
  });
}`,
  },
];

const invalid = [
  {
    name: "a TLS socket over a socket this function opened is this function's to close",
    code: ownSocket,
    errors: [
      {
        messageId: 'settledWithoutRelease' as const,
        line: 11,
        suggestions: [{ messageId: 'releaseBeforeSettle' as const, output: ownSocket.replace('          reject(', '          tlsSocket.destroy();\n          reject(') }],
      },
    ],
  },
  {
    name: 'a TLS connection of its own (no socket option)',
    code: `
import { connect } from 'node:tls';
export function probe(host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const tlsSocket = connect({ host, port: 443 }, () => {
      if (!tlsSocket.authorized) return reject(new Error('unauthorized'));
      resolve(true);
    });
  });
}`,
    errors: [{ messageId: 'neverReleased' as const }],
  },
];

typedRuleTester().run('require-close (connections layered on a given socket, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (connections layered on a given socket, untyped)', rule, { valid, invalid });
