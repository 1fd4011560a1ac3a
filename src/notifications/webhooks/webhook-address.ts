import dns from 'node:dns';
import net from 'node:net';

/**
 * Addresses a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on: loopback, private and shared
 * networks, link-local (cloud metadata services live at 169.254.169.254), multicast and reserved space. Otherwise any
 * member could make the server call its own admin ports or the hosting network (server-side request forgery), and
 * read the status codes back through testWebhook.
 */
const BLOCKED = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated, RFC 4291): ::10.0.0.1 is 10.0.0.1 to some stacks
  ['64:ff9b::', 96], // NAT64: an IPv4 address in IPv6 clothing
  ['64:ff9b:1::', 48], // NAT64 for local use (RFC 8215): translated into the operator's own network
  ['100::', 64],
  ['2001::', 32], // Teredo (RFC 4380): tunnels to an IPv4 address embedded in the address itself
  ['2002::', 16], // 6to4 (RFC 3056, deprecated by RFC 7526): 2002:0a00:0001:: is a route to 10.0.0.1
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:10.0.0.1), which reaches the same host. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** Whether a webhook may be sent to this IP address (false for loopback, private, link-local and reserved ones). */
export function isPublicAddress(address: string): boolean {
  const plain = unmapped(address);
  const family = net.isIP(plain);
  if (family === 0) return false;
  return !BLOCKED.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** The IP address a URL's host names literally ("[::1]" → "::1"), or null for a host name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return net.isIP(bare) ? bare : null;
}

export class BlockedAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_BLOCKED';
  constructor(readonly address: string) {
    super(`${address} is a private or reserved address`);
  }
}

/**
 * A `lookup` for http.request that refuses a host name resolving to any non-public address. The check is made on
 * the addresses the connection then uses, so a name that resolves differently at registration and at sending time
 * (DNS rebinding) gains nothing.
 */
export const publicOnlyLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, options, (error, address: string | dns.LookupAddress[], family?: number) => {
    if (error) return callback(error, address, family);
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    const blocked = addresses.find((a) => !isPublicAddress(a));
    if (blocked !== undefined) return callback(Object.assign(new BlockedAddressError(blocked), { hostname }), '', 4);
    // Node passes `all: true` when it tries several addresses (happy eyeballs); answer in the shape asked for.
    (callback as (e: null, a: string | dns.LookupAddress[], f?: number) => void)(null, address, family);
  });
};
