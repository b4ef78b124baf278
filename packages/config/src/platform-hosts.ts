// A province lists its own production domains (covid19.quangninh.gov.vn). The platform's apex and every
// host under it are the platform's: routing reads <slug>.<apex> as that province whatever any pack says,
// so a pack listing another province's subdomain (or a future one's) would be saved and silently
// ignored, and one listing the apex would claim the platform's own page. Such hosts are refused on every
// door that knows the platform domain: the admin's settings and pack import, tenant:add, tenant:check
// and seeding. The province's own <slug>.<apex> is refused too rather than dropped: it is always served
// without being listed, and dropping it silently would make a saved or imported pack differ from the
// text the admin wrote (and from the file tenant:check passed).

export type PlatformHostProblem = {
  index: number;
  host: string;
  /** "apex": the platform's own host; "own": this province's implicit subdomain; "subdomain": any other host under the apex. */
  reason: "apex" | "own" | "subdomain";
};

/** The platform domain as routing compares it: lower case, no trailing dot. */
export function normalizePlatformDomain(platformDomain: string): string {
  return platformDomain.trim().toLowerCase().replace(/\.$/, "");
}

/** The domains (by index) that belong to the platform rather than to the province `slug`. */
export function platformHostProblems(domains: readonly string[], platformDomain: string, slug: string): PlatformHostProblem[] {
  const apex = normalizePlatformDomain(platformDomain);
  const problems: PlatformHostProblem[] = [];
  domains.forEach((raw, index) => {
    const host = raw.trim().toLowerCase().replace(/\.$/, "");
    if (host === apex || host === `www.${apex}`) problems.push({ index, host, reason: "apex" });
    else if (host === `${slug}.${apex}`) problems.push({ index, host, reason: "own" });
    else if (host.endsWith(`.${apex}`)) problems.push({ index, host, reason: "subdomain" });
  });
  return problems;
}

/** The problem in the pack author's words (tenant:check and tenant:add speak English). */
export function describePlatformHost(p: PlatformHostProblem, platformDomain: string): string {
  const apex = normalizePlatformDomain(platformDomain);
  if (p.reason === "own") return `domain "${p.host}" is this province's own address on the platform, served without being listed: leave it out`;
  if (p.reason === "apex") return `domain "${p.host}" is the platform's own host (${apex}), not a province's`;
  return `domain "${p.host}" is under the platform's domain ${apex}: only the platform gives out those addresses`;
}
