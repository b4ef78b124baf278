// What a per-address limit counts as one client: an IPv4 address, an IPv6 /64, never a string an
// attacker can vary for free.
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";

describe("clientAddress", () => {
  it("counts an IPv4 client by its address, also when Node reports it IPv4-mapped", () => {
    expect(clientAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddress("::FFFF:c000:0201")).toBe("192.0.2.1");
  });

  it("counts every address of one IPv6 /64 as one client, however it is written", () => {
    const one = clientAddress("2001:db8:0:1::1");
    expect(one).toBe("2001:db8:0:1::/64");
    for (const other of ["2001:db8:0:1:ffff:ffff:ffff:ffff", "2001:0DB8:0000:0001:0:0:0:2", "2001:db8:0:1::1%eth0", "2001:db8:0:1::10.0.0.1"])
      expect(clientAddress(other)).toBe(one);
    expect(clientAddress("2001:db8:0:2::1")).not.toBe(one);
    expect(clientAddress("::1")).toBe("0:0:0:0::/64");
  });

  it("puts clients with no known address together", () => {
    expect(clientAddress(null)).toBe("unknown");
    expect(clientAddress("")).toBe("unknown");
  });
});
