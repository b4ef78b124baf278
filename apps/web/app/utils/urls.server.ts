// Links between the apex and the tenants' subdomains keep the scheme and port the request came in on,
// so they work on http://localhost:3000 as on https://cong.gov.vn.
export function siteUrl(request: Request, platformDomain: string, slug?: string): string {
  const url = new URL(request.url);
  const host = slug ? `${slug}.${platformDomain}` : platformDomain;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}/`;
}
