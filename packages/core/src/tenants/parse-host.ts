// Classifies a request's Host header before anything else looks at it: the platform's apex, one of
// its tenant subdomains, some other domain (a tenant's production domain, or nobody's), or garbage.
// Pure, so the server can reject a bad header with 400 without touching the database.

export type ParsedHost =
  | { kind: "invalid" }
  | { kind: "apex" }
  | { kind: "subdomain"; slug: string }
  | { kind: "domain"; host: string };

const MAX_HOST_LENGTH = 255;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6_LITERAL = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function validPort(port: string | undefined): boolean {
  if (port === undefined) return true;
  if (!/^\d{1,5}$/.test(port)) return false;
  const n = Number(port);
  return n >= 1 && n <= 65535;
}

function isHostname(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  return name.split(".").every((label) => LABEL.test(label));
}

function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, "");
}

export function parseHost(hostHeader: string | null | undefined, platformDomain: string): ParsedHost {
  if (hostHeader === null || hostHeader === undefined) return { kind: "invalid" };
  if (hostHeader.length === 0 || hostHeader.length > MAX_HOST_LENGTH) return { kind: "invalid" };
  const raw = hostHeader.toLowerCase();

  // IP literals carry no tenant: they reach the platform's own page (health checks, direct access).
  const v6 = IPV6_LITERAL.exec(raw);
  if (v6) return validPort(v6[2]) && v6[1]!.includes(":") ? { kind: "apex" } : { kind: "invalid" };

  const colon = raw.lastIndexOf(":");
  let name = raw;
  if (colon !== -1) {
    const port = raw.slice(colon + 1);
    name = raw.slice(0, colon);
    if (!validPort(port)) return { kind: "invalid" };
  }
  if (name.endsWith(".")) name = name.slice(0, -1);

  if (IPV4.test(name)) {
    return name.split(".").every((octet) => Number(octet) <= 255) ? { kind: "apex" } : { kind: "invalid" };
  }
  if (!isHostname(name)) return { kind: "invalid" };

  const apex = normalizeDomain(platformDomain);
  if (name === apex || name === `www.${apex}` || name === "localhost") return { kind: "apex" };
  if (name.endsWith(`.${apex}`)) {
    const prefix = name.slice(0, -(apex.length + 1));
    if (!prefix.includes(".") && SLUG.test(prefix)) return { kind: "subdomain", slug: prefix };
  }
  return { kind: "domain", host: name };
}
