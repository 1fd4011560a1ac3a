import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config/app-config';

/** The request as far as its client address goes (Express sets `ip`, honouring its `trust proxy` setting). */
export interface AddressedRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** Requests without a known address share one key: throttled together, never unthrottled. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The client address of a GraphQL-over-WebSocket connection, from its upgrade request (which Express never sees), by
 * Express's own rule: proxy-addr with the TRUST_PROXY setting compiled as Express compiles it. So X-Forwarded-For is
 * read from the right, past the trusted proxies only, and the entries a client wrote itself are never believed.
 */
export function upgradeRequestAddress(
  request: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } } | undefined,
  trustProxy: TrustProxy,
): string | undefined {
  if (!request?.socket?.remoteAddress) return undefined;
  return proxyaddr(request as IncomingMessage, trustFunction(trustProxy));
}

/** A `trust proxy` setting as Express compiles it (express/lib/utils.js compileTrust), for false, hop counts and lists. */
function trustFunction(setting: TrustProxy): (address: string, hop: number) => boolean {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting);
}

/**
 * The client address a sign-in is counted against: Express's `req.ip` (with TRUST_PROXY, the rightmost entry of
 * X-Forwarded-For that is not a trusted proxy; otherwise the connection's address). IPv4-mapped IPv6 becomes plain IPv4; an IPv6 address counts as
 * its /64 network, since one client usually holds a whole /64 and could otherwise change address at every attempt.
 */
export function clientAddressOf(req: AddressedRequest | undefined): string {
  const raw = (req?.ip ?? req?.socket?.remoteAddress ?? '').trim();
  if (raw === '') return UNKNOWN_ADDRESS;
  const address = raw.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return isIPv6(address.split('%')[0]) ? ipv6Network64(address.split('%')[0]) : address;
}

/** `2001:db8:1:2:aa:bb:cc:dd` → `2001:db8:1:2::/64`. */
export function ipv6Network64(address: string): string {
  const [head, tail] = address.toLowerCase().split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The client address of the current GraphQL request (see clientAddressOf). */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  clientAddressOf(GqlExecutionContext.create(context).getContext<{ req?: AddressedRequest }>().req),
);
