// Where the tenants live in the test server, and what each pack says (tenants/<slug>/pack.yaml):
// one section name only that province has, and its portal title.
export const port = Number(process.env.E2E_PORT ?? 3100);

export function siteUrl(slug?: string, path = "/"): string {
  return `http://${slug ? `${slug}.` : ""}localhost:${port}${path}`;
}

export const packs = {
  "quang-ninh": { title: "Cổng thông tin COVID-19 tỉnh Quảng Ninh", uniqueSection: "Cẩm nang phòng chống COVID-19", domain: "covid19.quangninh.gov.vn" },
  "nghe-an": { title: "Cổng thông tin Covid-19 tỉnh Nghệ An", uniqueSection: "Số liệu ca bệnh", domain: "thongtincovid19.nghean.gov.vn" },
  "thanh-hoa": { title: "Cổng thông tin phòng, chống COVID-19 tỉnh Thanh Hóa", uniqueSection: "Đăng ký về quê", domain: "covid19.thanhhoa.gov.vn" },
} as const;

export type Slug = keyof typeof packs;
export const slugs = Object.keys(packs) as Slug[];

/**
 * The server's address with a Host header: Node's resolver (used by Playwright's request API) does not
 * resolve *.localhost the way Chromium does.
 */
export function direct(slug: string | undefined, path = "/"): [string, { headers: { Host: string } }] {
  return [`http://127.0.0.1:${port}${path}`, { headers: { Host: `${slug ? `${slug}.` : ""}localhost:${port}` } }];
}
