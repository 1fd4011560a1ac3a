import { isPublicAddress, literalAddress } from './webhook-address';

describe('webhook addresses', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '203.0.114.9',
    '2606:4700:4700::1111',
    '2400:3200::1',
    '::ffff:8.8.8.8',
    '2001:4860:4860::8888',
    '2003::1',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, elsewhere in 127/8', '127.8.9.10'],
    ['the unspecified address', '0.0.0.0'],
    ['private 10/8', '10.20.30.40'],
    ['private 172.16/12', '172.31.255.1'],
    ['private 192.168/16', '192.168.0.1'],
    ['shared address space (carrier NAT)', '100.64.0.1'],
    ['link-local (cloud metadata)', '169.254.169.254'],
    ['multicast', '239.1.2.3'],
    ['broadcast', '255.255.255.255'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 unique local', 'fd12:3456::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['NAT64 of a private address', '64:ff9b::a00:1'],
    ['NAT64 for local use (RFC 8215)', '64:ff9b:1::a00:1'],
    ['NAT64 for local use, of a public address', '64:ff9b:1:ffff::808:808'],
    ['6to4 of a private address (RFC 3056)', '2002:a00:1::1'],
    ['6to4 of a public address', '2002:808:808::1'],
    ['Teredo (RFC 4380)', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['not an address', 'localhost'],
  ])('%s (%s) is not', (_what, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('finds the literal address of a URL host, brackets and all', () => {
    expect(literalAddress('10.0.0.1')).toBe('10.0.0.1');
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('hooks.example.cn')).toBeNull();
  });
});
