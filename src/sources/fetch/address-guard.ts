import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../core/errors.js';

/**
 * The address guard keeps the crawler off private networks (SSRF): a URL whose host resolves to a
 * private, loopback, link-local, unspecified, multicast or otherwise non-public address is refused
 * unless KIEMTIN_ALLOW_HOSTS allows that host name or address range. The addresses that passed the
 * check are pinned and handed to the socket through `connectLookup`, so a DNS answer that changes
 * between check and connect (rebinding) cannot reach an unchecked address.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (dns.lookup with all: true by default). */
export type ResolveFn = (hostname: string) => Promise<ResolvedAddress[]>;

/** Host names and address ranges that may resolve to non-public addresses. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: ReadonlyArray<readonly [ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

type ConnectLookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export interface AddressGuard {
  /** Resolves the URL host and checks every address; returns the addresses a connection may use. */
  check(hostname: string): Promise<ResolvedAddress[]>;
  /** A `lookup` for net.connect/tls.connect that answers only with checked addresses. */
  connectLookup(hostname: string, options: LookupOptions, callback: ConnectLookupCallback): void;
}

export interface AddressGuardDeps {
  resolve?: ResolveFn;
  /** How long checked addresses stay pinned for new connections (ms). */
  pinTtlMs?: number;
  /** Monotonic milliseconds, for the pin cache. */
  now?: () => number;
}

const defaultResolve: ResolveFn = async (hostname) => {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Parses KIEMTIN_ALLOW_HOSTS entries: host names, IP addresses or CIDR ranges ("127.0.0.0/8"). */
export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = stripBrackets(raw.trim().toLowerCase());
    if (entry === '') continue;
    if (entry.includes('/')) {
      try {
        const [addr, bits] = ipaddr.parseCIDR(entry);
        const base = normalize(addr);
        // ::ffff:127.0.0.0/104 is the IPv4 range 127.0.0.0/8.
        ranges.push([base, base.kind() === addr.kind() ? bits : Math.max(0, bits - 96)]);
      } catch {
        throw new AppError(
          'CONFIG_INVALID',
          `Invalid setting KIEMTIN_ALLOW_HOSTS: "${raw}" is not a CIDR range`,
          {
            details: { setting: 'KIEMTIN_ALLOW_HOSTS' },
          },
        );
      }
    } else if (ipaddr.isValid(entry)) {
      const addr = normalize(ipaddr.parse(entry));
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else {
      hosts.add(entry.replace(/\.$/, ''));
    }
  }
  return { hosts, ranges };
}

/**
 * The ipaddr.js range name of an address that a crawler must not reach by default, or null for a
 * public unicast address. Everything but global unicast is refused: besides the private, loopback,
 * link-local, unspecified and multicast ranges this covers IPv4-mapped forms (checked as IPv4),
 * NAT64/6to4/Teredo (they embed IPv4 addresses), carrier-grade NAT, broadcast and reserved space.
 */
export function blockedRange(address: string): string | null {
  const range = normalize(ipaddr.parse(stripBrackets(address))).range();
  return range === 'unicast' ? null : range;
}

/** Creates the guard for one fetcher; `allowHosts` as in FetchConfig. */
export function createAddressGuard(allowHosts: readonly string[], deps: AddressGuardDeps = {}): AddressGuard {
  const allow = parseAllowList(allowHosts);
  const resolve = deps.resolve ?? defaultResolve;
  const pinTtlMs = deps.pinTtlMs ?? 30_000;
  const now = deps.now ?? (() => performance.now());
  const pinned = new Map<string, { addresses: ResolvedAddress[]; until: number }>();

  function assertAllowed(hostname: string, addresses: ResolvedAddress[]): void {
    if (allow.hosts.has(hostname)) return;
    for (const a of addresses) {
      const range = blockedRange(a.address);
      if (range === null || inAllowedRange(allow, a.address)) continue;
      // One bad address refuses the host: the socket could otherwise pick it.
      throw new AppError(
        'FETCH_BLOCKED_ADDRESS',
        `Refused ${hostname}: it resolves to ${a.address} (${range}), which KIEMTIN_ALLOW_HOSTS does not allow`,
        { details: { host: hostname, address: a.address, range } },
      );
    }
  }

  async function check(rawHostname: string): Promise<ResolvedAddress[]> {
    const hostname = stripBrackets(rawHostname.toLowerCase()).replace(/\.$/, '');
    if (ipaddr.isValid(hostname)) {
      // A literal address is checked as it is, with no DNS and no connection attempt.
      const literal: ResolvedAddress = { address: hostname, family: hostname.includes(':') ? 6 : 4 };
      assertAllowed(hostname, [literal]);
      return [literal];
    }
    let addresses: ResolvedAddress[];
    try {
      addresses = await resolve(hostname);
    } catch (err) {
      throw new AppError('FETCH_NETWORK', `Could not resolve ${hostname}: ${(err as Error).message}`, {
        cause: err,
        details: { host: hostname },
      });
    }
    if (addresses.length === 0) {
      throw new AppError('FETCH_NETWORK', `Could not resolve ${hostname}: no addresses`, {
        details: { host: hostname },
      });
    }
    assertAllowed(hostname, addresses);
    pinned.set(hostname, { addresses, until: now() + pinTtlMs });
    return addresses;
  }

  function connectLookup(hostname: string, options: LookupOptions, callback: ConnectLookupCallback): void {
    const key = hostname.toLowerCase();
    const pin = pinned.get(key);
    const addresses = pin && pin.until > now() ? Promise.resolve(pin.addresses) : check(key);
    addresses.then(
      (list) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family === 0 ? list : list.filter((a) => a.family === family);
        const first = usable[0];
        if (!first) {
          const err: NodeJS.ErrnoException = new Error(`No IPv${family} address for ${hostname}`);
          err.code = 'ENOTFOUND';
          callback(err, '');
        } else if (options.all) {
          callback(
            null,
            usable.map((a) => ({ address: a.address, family: a.family })),
          );
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, ''),
    );
  }

  return { check, connectLookup };
}

function inAllowedRange(allow: AllowList, address: string): boolean {
  const addr = normalize(ipaddr.parse(stripBrackets(address)));
  return allow.ranges.some(([base, bits]) => base.kind() === addr.kind() && addr.match(base, bits));
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4, so its real range is checked. */
function normalize(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()
    ? (addr as ipaddr.IPv6).toIPv4Address()
    : addr;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
