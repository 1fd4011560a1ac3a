import { clientAddressOf, ipv6Network64, UNKNOWN_ADDRESS, upgradeRequestAddress } from './client-address';

describe('client address of a sign-in', () => {
  it("is Express's req.ip, IPv4-mapped addresses as IPv4", () => {
    expect(clientAddressOf({ ip: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddressOf({ ip: '::ffff:127.0.0.1' })).toBe('127.0.0.1');
    expect(clientAddressOf({ socket: { remoteAddress: '198.51.100.2' } })).toBe('198.51.100.2');
  });

  it('counts an IPv6 address as its /64 network', () => {
    expect(clientAddressOf({ ip: '2001:db8:1:2:aa:bb:cc:dd' })).toBe('2001:db8:1:2::/64');
    expect(clientAddressOf({ ip: '2001:DB8:0001:0002::1' })).toBe('2001:db8:1:2::/64');
    expect(clientAddressOf({ ip: 'fe80::1%eth0' })).toBe('fe80:0:0:0::/64');
    expect(ipv6Network64('::1')).toBe('0:0:0:0::/64');
    expect(ipv6Network64('2001:db8::')).toBe('2001:db8:0:0::/64');
  });

  it('of a WebSocket connection is its upgrade request’s, by the rule Express applies to HTTP (TRUST_PROXY)', () => {
    // The client wrote "1.2.3.4" itself; the one proxy in front (10.0.0.2) appended the address it saw.
    const request = { headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.4' }, socket: { remoteAddress: '10.0.0.2' } };
    expect(upgradeRequestAddress(request, 1)).toBe('198.51.100.4');
    expect(upgradeRequestAddress(request, ['10.0.0.0/8'])).toBe('198.51.100.4');
    expect(upgradeRequestAddress(request, false)).toBe('10.0.0.2');
    // Two proxies (a CDN, then the load balancer): each appended one entry.
    const twice = { headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.4, 203.0.113.80' }, socket: { remoteAddress: '10.0.0.2' } };
    expect(upgradeRequestAddress(twice, 2)).toBe('198.51.100.4');
    expect(upgradeRequestAddress(twice, ['10.0.0.0/8', '203.0.113.0/24'])).toBe('198.51.100.4');
    // A connection that does not come from a trusted proxy is believed about nothing.
    expect(upgradeRequestAddress({ ...request, socket: { remoteAddress: '192.0.2.9' } }, ['10.0.0.0/8'])).toBe('192.0.2.9');
    expect(upgradeRequestAddress({ headers: {}, socket: { remoteAddress: '::ffff:192.0.2.1' } }, 1)).toBe('::ffff:192.0.2.1');
    expect(upgradeRequestAddress(undefined, 1)).toBeUndefined();
  });

  it('is one shared key when unknown', () => {
    expect(clientAddressOf(undefined)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressOf({})).toBe(UNKNOWN_ADDRESS);
  });
});
