// Viet Nam's 34 provinces and centrally-run cities since the merger of 1 July 2025 (Nghị quyết
// 202/2025/QH15), with their codes from the GSO list. Three are real config packs under tenants/; the
// bench derives the other 31 from one of them (bench:data), so every province gets its own portal.
export type Province = {
  slug: string;
  code: string;
  /** "tinh" (province) or "thanh-pho" (centrally-run city). */
  kind: "tinh" | "thanh-pho";
  vi: string;
  en: string;
  zh: string;
  /** Share of the bench's items, relative: large provinces publish more. */
  weight: number;
};

export const PROVINCES: Province[] = [
  { slug: "ha-noi", code: "01", kind: "thanh-pho", vi: "Hà Nội", en: "Ha Noi", zh: "河内", weight: 3 },
  { slug: "cao-bang", code: "04", kind: "tinh", vi: "Cao Bằng", en: "Cao Bang", zh: "高平", weight: 0.6 },
  { slug: "tuyen-quang", code: "08", kind: "tinh", vi: "Tuyên Quang", en: "Tuyen Quang", zh: "宣光", weight: 0.8 },
  { slug: "dien-bien", code: "11", kind: "tinh", vi: "Điện Biên", en: "Dien Bien", zh: "奠边", weight: 0.6 },
  { slug: "lai-chau", code: "12", kind: "tinh", vi: "Lai Châu", en: "Lai Chau", zh: "莱州", weight: 0.5 },
  { slug: "son-la", code: "14", kind: "tinh", vi: "Sơn La", en: "Son La", zh: "山罗", weight: 0.7 },
  { slug: "lao-cai", code: "15", kind: "tinh", vi: "Lào Cai", en: "Lao Cai", zh: "老街", weight: 0.8 },
  { slug: "thai-nguyen", code: "19", kind: "tinh", vi: "Thái Nguyên", en: "Thai Nguyen", zh: "太原", weight: 0.9 },
  { slug: "lang-son", code: "20", kind: "tinh", vi: "Lạng Sơn", en: "Lang Son", zh: "谅山", weight: 0.7 },
  { slug: "quang-ninh", code: "22", kind: "tinh", vi: "Quảng Ninh", en: "Quang Ninh", zh: "广宁", weight: 1.2 },
  { slug: "bac-ninh", code: "24", kind: "tinh", vi: "Bắc Ninh", en: "Bac Ninh", zh: "北宁", weight: 1.1 },
  { slug: "phu-tho", code: "25", kind: "tinh", vi: "Phú Thọ", en: "Phu Tho", zh: "富寿", weight: 1.1 },
  { slug: "hai-phong", code: "31", kind: "thanh-pho", vi: "Hải Phòng", en: "Hai Phong", zh: "海防", weight: 1.5 },
  { slug: "hung-yen", code: "33", kind: "tinh", vi: "Hưng Yên", en: "Hung Yen", zh: "兴安", weight: 1 },
  { slug: "ninh-binh", code: "37", kind: "tinh", vi: "Ninh Bình", en: "Ninh Binh", zh: "宁平", weight: 1 },
  { slug: "thanh-hoa", code: "38", kind: "tinh", vi: "Thanh Hóa", en: "Thanh Hoa", zh: "清化", weight: 1.3 },
  { slug: "nghe-an", code: "40", kind: "tinh", vi: "Nghệ An", en: "Nghe An", zh: "乂安", weight: 1.3 },
  { slug: "ha-tinh", code: "42", kind: "tinh", vi: "Hà Tĩnh", en: "Ha Tinh", zh: "河静", weight: 0.8 },
  { slug: "quang-tri", code: "44", kind: "tinh", vi: "Quảng Trị", en: "Quang Tri", zh: "广治", weight: 0.8 },
  { slug: "hue", code: "46", kind: "thanh-pho", vi: "Huế", en: "Hue", zh: "顺化", weight: 0.8 },
  { slug: "da-nang", code: "48", kind: "thanh-pho", vi: "Đà Nẵng", en: "Da Nang", zh: "岘港", weight: 1.2 },
  { slug: "quang-ngai", code: "51", kind: "tinh", vi: "Quảng Ngãi", en: "Quang Ngai", zh: "广义", weight: 0.9 },
  { slug: "gia-lai", code: "52", kind: "tinh", vi: "Gia Lai", en: "Gia Lai", zh: "嘉莱", weight: 1 },
  { slug: "khanh-hoa", code: "56", kind: "tinh", vi: "Khánh Hòa", en: "Khanh Hoa", zh: "庆和", weight: 0.9 },
  { slug: "dak-lak", code: "66", kind: "tinh", vi: "Đắk Lắk", en: "Dak Lak", zh: "得乐", weight: 1 },
  { slug: "lam-dong", code: "68", kind: "tinh", vi: "Lâm Đồng", en: "Lam Dong", zh: "林同", weight: 1 },
  { slug: "dong-nai", code: "75", kind: "tinh", vi: "Đồng Nai", en: "Dong Nai", zh: "同奈", weight: 1.3 },
  { slug: "ho-chi-minh", code: "79", kind: "thanh-pho", vi: "Hồ Chí Minh", en: "Ho Chi Minh City", zh: "胡志明", weight: 3 },
  { slug: "tay-ninh", code: "80", kind: "tinh", vi: "Tây Ninh", en: "Tay Ninh", zh: "西宁", weight: 0.9 },
  { slug: "dong-thap", code: "82", kind: "tinh", vi: "Đồng Tháp", en: "Dong Thap", zh: "同塔", weight: 0.9 },
  { slug: "vinh-long", code: "86", kind: "tinh", vi: "Vĩnh Long", en: "Vinh Long", zh: "永隆", weight: 0.9 },
  { slug: "an-giang", code: "91", kind: "tinh", vi: "An Giang", en: "An Giang", zh: "安江", weight: 1 },
  { slug: "can-tho", code: "92", kind: "thanh-pho", vi: "Cần Thơ", en: "Can Tho", zh: "芹苴", weight: 1 },
  { slug: "ca-mau", code: "96", kind: "tinh", vi: "Cà Mau", en: "Ca Mau", zh: "金瓯", weight: 0.7 },
];

/** "Tỉnh Quảng Ninh", "Thành phố Hà Nội". */
export function provinceTitle(p: Province): string {
  return `${p.kind === "tinh" ? "Tỉnh" : "Thành phố"} ${p.vi}`;
}
