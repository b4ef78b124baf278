// Which "address" a limit counts: the client's IPv4 address, or the /64 network of an IPv6 address,
// because one IPv6 subscriber is usually handed a whole /64 and could otherwise take a fresh budget from
// each of its 2^64 addresses. IPv4-mapped IPv6 (::ffff:192.0.2.1, as Node reports IPv4 clients on a
// dual-stack socket) counts as the IPv4 address it carries. Pure.
import { isIPv4, isIPv6 } from "node:net";

/** The unit a per-address limit counts, e.g. "192.0.2.1" or "2001:db8:0:1::/64"; "unknown" when there is none. */
export function clientAddress(ip: string | null | undefined): string {
  if (!ip) return "unknown";
  let address = ip.trim().toLowerCase();
  const zone = address.indexOf("%");
  if (zone >= 0) address = address.slice(0, zone);
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address || "unknown";
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (checked by the caller), "::" and a dotted tail expanded. */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] => {
    if (part === "") return [];
    return part.split(":").flatMap((piece) => {
      if (!piece.includes(".")) return [parseInt(piece, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = piece.split(".").map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head = "", tail] = address.split("::");
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}
