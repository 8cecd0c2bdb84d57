import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { isAppError } from '../../core/errors.js';
import { blockedRange, createAddressGuard, parseAllowList, type ResolvedAddress } from './address-guard.js';

const resolver = (table: Record<string, string[]>) => {
  const calls: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    calls.push(host);
    const list = table[host];
    if (!list) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
};

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return isAppError(err) ? err.code : 'not an AppError';
  }
}

describe('blockedRange', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::', 'unspecified'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
  ])('refuses %s (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '203.113.131.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'lets public %s through',
    (a) => {
      expect(blockedRange(a)).toBeNull();
    },
  );
});

describe('parseAllowList', () => {
  it('splits host names, addresses and ranges', () => {
    const allow = parseAllowList(['LOCALHOST', '127.0.0.1', '10.0.0.0/8', '[::1]', ' ']);
    expect([...allow.hosts]).toEqual(['localhost']);
    expect(allow.ranges.map(([a, bits]) => `${a.toString()}/${bits}`)).toEqual([
      '127.0.0.1/32',
      '10.0.0.0/8',
      '::1/128',
    ]);
  });

  it('rejects a malformed range with CONFIG_INVALID', () => {
    expect(() => parseAllowList(['10.0.0.0/99'])).toThrow(/KIEMTIN_ALLOW_HOSTS/);
  });
});

describe('createAddressGuard', () => {
  it('refuses a literal private address without resolving it', async () => {
    const { resolve, calls } = resolver({});
    const guard = createAddressGuard([], { resolve });
    expect(await codeOf(guard.check('10.0.0.1'))).toBe('FETCH_BLOCKED_ADDRESS');
    expect(await codeOf(guard.check('169.254.169.254'))).toBe('FETCH_BLOCKED_ADDRESS');
    expect(await codeOf(guard.check('[::ffff:7f00:1]'))).toBe('FETCH_BLOCKED_ADDRESS');
    expect(calls).toEqual([]);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const { resolve } = resolver({ 'mixed.example': ['93.184.216.34', '192.168.0.10'] });
    const guard = createAddressGuard([], { resolve });
    expect(await codeOf(guard.check('mixed.example'))).toBe('FETCH_BLOCKED_ADDRESS');
  });

  it('allows by host name, by address and by range', async () => {
    const { resolve } = resolver({ localhost: ['127.0.0.1', '::1'], 'lab.internal': ['10.9.8.7'] });
    await expect(createAddressGuard(['localhost'], { resolve }).check('localhost')).resolves.toHaveLength(2);
    await expect(createAddressGuard(['10.0.0.0/8'], { resolve }).check('lab.internal')).resolves.toEqual([
      { address: '10.9.8.7', family: 4 },
    ]);
    await expect(createAddressGuard(['127.0.0.0/8'], { resolve }).check('127.0.0.2')).resolves.toHaveLength(
      1,
    );
    expect(await codeOf(createAddressGuard(['127.0.0.1'], { resolve }).check('lab.internal'))).toBe(
      'FETCH_BLOCKED_ADDRESS',
    );
  });

  it('turns a DNS failure into a retryable FETCH_NETWORK', async () => {
    const guard = createAddressGuard([], { resolve: resolver({}).resolve });
    const err = await guard.check('nowhere.invalid').catch((e: unknown) => e);
    expect(isAppError(err, 'FETCH_NETWORK') && err.retryable).toBe(true);
  });

  it('connects only to the checked addresses, even if DNS changes afterwards', async () => {
    const table: Record<string, string[]> = { 'news.example': ['203.113.131.1'] };
    const { resolve, calls } = resolver(table);
    const guard = createAddressGuard([], { resolve });
    await guard.check('news.example');
    table['news.example'] = ['127.0.0.1']; // a rebinding answer
    const got = await new Promise<LookupAddress[]>((ok, fail) =>
      guard.connectLookup('news.example', { all: true }, (err, addrs) =>
        err ? fail(err) : ok(addrs as LookupAddress[]),
      ),
    );
    expect(got).toEqual([{ address: '203.113.131.1', family: 4 }]);
    expect(calls).toEqual(['news.example']);
  });

  it('checks again in connectLookup when nothing is pinned', async () => {
    const { resolve } = resolver({ 'evil.example': ['10.0.0.5'] });
    const guard = createAddressGuard([], { resolve });
    const err = await new Promise<unknown>((ok) => guard.connectLookup('evil.example', {}, (e) => ok(e)));
    expect(isAppError(err, 'FETCH_BLOCKED_ADDRESS')).toBe(true);
  });
});
