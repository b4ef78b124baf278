// TRUST_PROXY decides whose X-Forwarded-For is believed, and so which address the sign-in limits count:
// unset trusts nobody, anything unclear stops the start with the variable's name. The two database URLs:
// the server's login (DATABASE_URL) and the owner's (DATABASE_OWNER_URL), which the operator commands use
// and which falls back to DATABASE_URL when one superuser URL does everything.
import { describe, expect, it } from "vitest";
import { ownerDatabaseUrl, parseEnv, serverDatabaseProblem } from "./env.ts";

describe("TRUST_PROXY", () => {
  it("trusts no proxy when unset, empty or false", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
  });

  it("takes Express's values: named ranges, addresses, CIDR ranges and a hop count", () => {
    expect(parseEnv({ TRUST_PROXY: "loopback" }).TRUST_PROXY).toEqual(["loopback"]);
    expect(parseEnv({ TRUST_PROXY: "127.0.0.1" }).TRUST_PROXY).toEqual(["127.0.0.1"]);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.5" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "192.168.1.5"]);
    expect(parseEnv({ TRUST_PROXY: "loopback,fd00::/8,2001:db8::1" }).TRUST_PROXY).toEqual(["loopback", "fd00::/8", "2001:db8::1"]);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });

  it.each([
    ["true", /TRUST_PROXY: "true" would believe any client/],
    ["lookback", /TRUST_PROXY: "lookback" is not a proxy/],
    ["10.0.0.0/33", /TRUST_PROXY: "10.0.0.0\/33" is not a proxy/],
    ["10.0.0.1, nginx.internal", /TRUST_PROXY: "nginx.internal" is not a proxy/],
    ["1000", /TRUST_PROXY: expected .* hop count/],
  ])("refuses %s at start, naming the variable", (value, message) => {
    expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(message);
  });
});

const web = "postgres://cong_web:pw@db.example.vn:5432/cong";
const owner = "postgres://cong:pw@db.example.vn:5432/cong";

describe("database URLs", () => {
  it("gives the operator commands the owner's URL, or DATABASE_URL when no owner URL is set", () => {
    expect(ownerDatabaseUrl(parseEnv({ DATABASE_URL: web, DATABASE_OWNER_URL: owner }))).toBe(owner);
    expect(ownerDatabaseUrl(parseEnv({ DATABASE_URL: owner }))).toBe(owner);
    expect(ownerDatabaseUrl(parseEnv({}))).toBeUndefined();
  });

  it("names DATABASE_OWNER_URL when it is not a postgres URL", () => {
    expect(() => parseEnv({ DATABASE_URL: web, DATABASE_OWNER_URL: "mysql://root@db/cong" })).toThrow(
      /DATABASE_OWNER_URL: must be a postgres:\/\/ or postgresql:\/\/ URL \(the owner's login/,
    );
  });

  it("lets the operator commands take the owner's URL alone, but not the server", () => {
    const env = parseEnv({ DATABASE_OWNER_URL: owner });
    expect(ownerDatabaseUrl(env)).toBe(owner);
    expect(serverDatabaseProblem(env)).toMatch(/DATABASE_URL: is required with DATABASE_OWNER_URL/);
    expect(serverDatabaseProblem(parseEnv({ DATABASE_URL: web, DATABASE_OWNER_URL: owner }))).toBeUndefined();
    expect(serverDatabaseProblem(parseEnv({}))).toBeUndefined();
  });
});
