import { describe, expect, it } from "vitest";
import { parseHost } from "./parse-host.ts";

describe("parseHost", () => {
  it("finds the tenant slug in a platform subdomain, ignoring case, port and a trailing dot", () => {
    expect(parseHost("quang-ninh.localhost:3000", "localhost")).toEqual({ kind: "subdomain", slug: "quang-ninh" });
    expect(parseHost("Nghe-An.Cong.Gov.VN.", "cong.gov.vn")).toEqual({ kind: "subdomain", slug: "nghe-an" });
    expect(parseHost("thanh-hoa.cong.gov.vn.:443", "cong.gov.vn")).toEqual({ kind: "subdomain", slug: "thanh-hoa" });
  });

  it("treats the platform domain, www, localhost and IP literals as the apex", () => {
    expect(parseHost("localhost:3000", "localhost")).toEqual({ kind: "apex" });
    expect(parseHost("cong.gov.vn", "cong.gov.vn")).toEqual({ kind: "apex" });
    expect(parseHost("www.cong.gov.vn", "cong.gov.vn")).toEqual({ kind: "apex" });
    expect(parseHost("localhost", "cong.gov.vn")).toEqual({ kind: "apex" });
    expect(parseHost("127.0.0.1:3000", "localhost")).toEqual({ kind: "apex" });
    expect(parseHost("[::1]:3000", "localhost")).toEqual({ kind: "apex" });
    expect(parseHost("[2001:db8::1]", "localhost")).toEqual({ kind: "apex" });
  });

  it("hands any other well-formed host over as a domain to look up", () => {
    expect(parseHost("covid19.quangninh.gov.vn", "localhost")).toEqual({ kind: "domain", host: "covid19.quangninh.gov.vn" });
    expect(parseHost("a.b.localhost", "localhost")).toEqual({ kind: "domain", host: "a.b.localhost" });
  });

  it("rejects missing, empty and oversized headers", () => {
    expect(parseHost(undefined, "localhost")).toEqual({ kind: "invalid" });
    expect(parseHost(null, "localhost")).toEqual({ kind: "invalid" });
    expect(parseHost("", "localhost")).toEqual({ kind: "invalid" });
    expect(parseHost(`${"a".repeat(60)}.`.repeat(5) + "localhost", "localhost")).toEqual({ kind: "invalid" });
  });

  it("rejects bad characters and malformed names", () => {
    for (const bad of [
      "quang ninh.localhost",
      "quảng-ninh.localhost",
      "evil.com/path",
      "a..b",
      "-a.localhost",
      "a-.localhost",
      "<script>.localhost",
      "user@host",
      "host:80:80",
      ".",
      ":3000",
      "a_b.localhost",
      `${"a".repeat(64)}.localhost`,
    ]) {
      expect(parseHost(bad, "localhost"), bad).toEqual({ kind: "invalid" });
    }
  });

  it("rejects ports out of range or not numeric", () => {
    for (const bad of ["localhost:0", "localhost:65536", "localhost:99999", "localhost:", "localhost:http", "[::1]:70000"]) {
      expect(parseHost(bad, "localhost"), bad).toEqual({ kind: "invalid" });
    }
    expect(parseHost("localhost:65535", "localhost")).toEqual({ kind: "apex" });
  });

  it("rejects IPv4 literals with octets out of range", () => {
    expect(parseHost("999.1.1.1", "localhost")).toEqual({ kind: "invalid" });
  });
});
