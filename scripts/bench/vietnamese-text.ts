// Vietnamese titles, summaries and bodies for the bench's items, with their search text folded as the app
// folds it (foldVietnamese: no diacritics, lower case) without folding a million bodies one by one: every
// piece of a template is folded once, and a text's fold is the concatenation of its pieces' folds.
// Deterministic for a given seed.

/** mulberry32: a small seeded PRNG, so two runs of bench:data make the same data set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** foldVietnamese without the whitespace clean-up, for pieces that are joined later. */
export function foldPiece(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d");
}

export type Folded = { text: string; folded: string };
const piece = (text: string): Folded => ({ text: text.normalize("NFC"), folded: foldPiece(text) });

type Template = { parts: Folded[]; slots: string[] };

function compile(template: string): Template {
  const parts: Folded[] = [];
  const slots: string[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    parts.push(piece(template.slice(last, m.index)));
    slots.push(m[1]!);
    last = m.index + m[0].length;
  }
  parts.push(piece(template.slice(last)));
  return { parts, slots };
}

function fill(t: Template, vars: Record<string, Folded>): Folded {
  let text = t.parts[0]!.text;
  let folded = t.parts[0]!.folded;
  for (let i = 0; i < t.slots.length; i++) {
    const v = vars[t.slots[i]!] ?? piece(`{${t.slots[i]}}`);
    text += v.text + t.parts[i + 1]!.text;
    folded += v.folded + t.parts[i + 1]!.folded;
  }
  return { text, folded };
}

const NEWS_TITLES = [
  "{P} ghi nhận {n} ca mắc COVID-19 mới tại {xa}",
  "Hướng dẫn tiêm vắc xin phòng COVID-19 mũi {k} cho người dân {xa}",
  "Thông báo khẩn: tìm người đến {diadiem} tại {xa} ngày {ngay}",
  "Ủy ban nhân dân {P} chỉ đạo tăng cường phòng, chống dịch tại {xa}",
  "Điều chỉnh cấp độ dịch tại {xa} từ ngày {ngay}",
  "Hỗ trợ {n} người lao động gặp khó khăn do đại dịch tại {xa}",
  "Kế hoạch xét nghiệm diện rộng cho người dân {xa}",
  "Phong tỏa tạm thời khu dân cư tại {xa} để truy vết",
  "Dỡ bỏ phong tỏa, trở lại trạng thái bình thường mới tại {xa}",
  "Đoàn công tác của tỉnh kiểm tra công tác phòng dịch tại {xa}",
  "Tiếp nhận {n} liều vắc xin phân bổ cho {xa}",
  "Học sinh {xa} trở lại trường học trực tiếp từ ngày {ngay}",
  "Cảnh báo tin giả về dịch bệnh lan truyền trên mạng xã hội ở {xa}",
  "Chợ đầu mối tại {xa} hoạt động trở lại, bảo đảm an toàn phòng dịch",
  "Tổng kết đợt cao điểm tiêm chủng tại {xa}: {n} mũi tiêm",
  "Quy định mới về cách ly y tế tại nhà đối với người từ {xa} trở về",
];
const DOC_TOPICS = [
  "tăng cường các biện pháp phòng, chống dịch COVID-19 trên địa bàn {P}",
  "triển khai chiến dịch tiêm chủng vắc xin phòng COVID-19 tại {xa}",
  "áp dụng biện pháp giãn cách xã hội tại {xa}",
  "hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch",
  "thành lập các tổ COVID cộng đồng tại {xa}",
  "điều chỉnh cấp độ dịch và biện pháp hành chính tương ứng",
  "bảo đảm lưu thông hàng hóa thiết yếu trong thời gian giãn cách",
  "khen thưởng tập thể, cá nhân có thành tích trong công tác phòng, chống dịch",
];
const QA_TITLES = [
  "Người từ {xa} về quê có phải cách ly không?",
  "Thủ tục nhận hỗ trợ cho lao động tự do tại {xa} như thế nào?",
  "Trẻ em dưới 12 tuổi ở {xa} được tiêm vắc xin khi nào?",
  "Xét nghiệm nhanh tại nhà có được công nhận khi đi {diadiem} không?",
  "Làm thế nào để khai báo y tế khi đến {diadiem}?",
];
const SENTENCES = [
  "Theo báo cáo của Sở Y tế, trong ngày {ngay} toàn tỉnh ghi nhận {n} trường hợp mắc mới, chủ yếu tại {xa}.",
  "Ủy ban nhân dân {P} yêu cầu các sở, ban, ngành và địa phương không được chủ quan, lơ là trong công tác phòng, chống dịch.",
  "Người dân đến {diadiem} cần thực hiện nghiêm thông điệp 5K: khẩu trang, khử khuẩn, khoảng cách, không tập trung, khai báo y tế.",
  "Lực lượng chức năng đã lấy {n} mẫu xét nghiệm và đang truy vết các trường hợp tiếp xúc gần tại {xa}.",
  "Trung tâm Kiểm soát bệnh tật tỉnh khuyến cáo người có triệu chứng ho, sốt, khó thở liên hệ ngay cơ sở y tế gần nhất.",
  "Chính quyền {xa} đã bố trí lực lượng hỗ trợ lương thực, thực phẩm cho các hộ gia đình trong khu vực phong tỏa.",
  "Đến nay, tỷ lệ người từ 18 tuổi trở lên được tiêm đủ liều vắc xin tại {xa} đạt trên {pct} phần trăm.",
  "Các cơ sở kinh doanh dịch vụ ăn uống tại {xa} được hoạt động trở lại nhưng phải bảo đảm các điều kiện an toàn.",
  "Ban Chỉ đạo phòng, chống dịch tỉnh đề nghị người dân cập nhật thông tin trên Cổng thông tin điện tử của tỉnh.",
  "Mọi thắc mắc xin liên hệ đường dây nóng của Sở Y tế để được hướng dẫn, giải đáp kịp thời.",
  "Các trường hợp cố tình vi phạm quy định phòng dịch sẽ bị xử lý nghiêm theo quy định của pháp luật.",
  "Sở Lao động - Thương binh và Xã hội đã chi trả hỗ trợ cho {n} lao động tự do trên địa bàn {xa}.",
  "Sở Giáo dục và Đào tạo hướng dẫn các trường học xây dựng phương án dạy học linh hoạt, an toàn.",
  "Bệnh viện dã chiến số {k} đã tiếp nhận điều trị {n} bệnh nhân, trong đó nhiều người đã khỏi bệnh và xuất viện.",
  "Ngành công thương phối hợp với các doanh nghiệp bảo đảm nguồn cung hàng hóa thiết yếu, không để xảy ra tình trạng khan hiếm.",
  "Người dân cần cài đặt ứng dụng PC-Covid và quét mã QR khi ra vào {diadiem}.",
  "Lực lượng công an, quân đội tiếp tục duy trì các chốt kiểm soát tại cửa ngõ ra vào {xa}.",
  "Trạm y tế lưu động tại {xa} hoạt động 24/24 giờ để theo dõi, chăm sóc người bệnh tại nhà.",
];
const DIADIEM = ["chợ Hạ Long", "siêu thị trung tâm", "bến xe khách", "cảng hàng không", "bệnh viện đa khoa tỉnh", "trường học", "khu công nghiệp", "nhà văn hóa khu phố", "bến tàu du lịch", "cửa khẩu quốc tế"];
const FORMS = [
  { form: "Quyết định", code: "QĐ-UBND" },
  { form: "Công văn", code: "UBND-VX" },
  { form: "Kế hoạch", code: "KH-UBND" },
  { form: "Chỉ thị", code: "CT-UBND" },
  { form: "Thông báo", code: "TB-UBND" },
];
const SIGNERS = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Đức", "Phạm Quốc Bảo", "Hoàng Thị Lan", "Vũ Đình Khải", "Đặng Ngọc Ánh"];
const FIELDS = ["Y tế", "Lao động", "Giáo dục", "Giao thông", "Công thương"];

const compiled = {
  news: NEWS_TITLES.map(compile),
  doc: DOC_TOPICS.map(compile),
  qa: QA_TITLES.map(compile),
  sentence: SENTENCES.map(compile),
};
const diadiem = DIADIEM.map(piece);

export type ItemText = {
  title: string;
  summary: string;
  /** Sanitized HTML as the editor stores it: paragraphs. */
  body: string;
  /** searchText(title, [summary, text of body, document fields]): folded title, newline, folded rest. */
  searchText: string;
  doc: { form: string; number: string; issuer: string; signer: string; field: string } | null;
};

export type TextContext = {
  /** "Tỉnh Quảng Ninh" folded and not. */
  province: Folded;
  /** Communes and districts to write about. */
  places: Folded[];
};

export function makeContext(provinceTitle: string, placeNames: string[]): TextContext {
  return { province: piece(provinceTitle), places: placeNames.map(piece) };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** An item's texts. `kind` picks the register: a news article, a legal document or a citizen's question. */
export function itemText(rand: () => number, ctx: TextContext, kind: "news" | "document" | "qa", date: Date): ItemText {
  const ngay = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
  const vars = (): Record<string, Folded> => {
    const n = String(1 + Math.floor(rand() * (rand() < 0.8 ? 200 : 5000)));
    const k = String(1 + Math.floor(rand() * 4));
    const pct = String(60 + Math.floor(rand() * 39));
    return { P: ctx.province, xa: pick(rand, ctx.places), diadiem: pick(rand, diadiem), ngay: { text: ngay, folded: ngay }, n: { text: n, folded: n }, k: { text: k, folded: k }, pct: { text: pct, folded: pct } };
  };
  let title: Folded;
  let doc: ItemText["doc"] = null;
  let extra = "";
  if (kind === "document") {
    const f = pick(rand, FORMS);
    const number = `${1 + Math.floor(rand() * 4999)}/${f.code}`;
    const topic = fill(pick(rand, compiled.doc), vars());
    title = { text: `${f.form} ${number} về việc ${topic.text}`, folded: `${foldPiece(f.form)} ${foldPiece(number)} ve viec ${topic.folded}` };
    doc = { form: f.form, number, issuer: `Ủy ban nhân dân ${ctx.province.text.replace(/^Tỉnh |^Thành phố /, (m) => m.toLowerCase())}`, signer: pick(rand, SIGNERS), field: pick(rand, FIELDS) };
    extra = ` ${foldPiece(`${doc.number} ${doc.issuer} ${doc.signer} ${doc.form} ${doc.field}`)}`;
  } else {
    title = fill(pick(rand, kind === "qa" ? compiled.qa : compiled.news), vars());
  }
  const sentences = (count: number): Folded[] => Array.from({ length: count }, () => fill(pick(rand, compiled.sentence), vars()));
  const summary = sentences(1)[0]!;
  const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentences(2 + Math.floor(rand() * 2)));
  const body = paragraphs.map((p) => `<p>${p.map((s) => s.text).join(" ")}</p>`).join("\n");
  const bodyFolded = paragraphs.map((p) => p.map((s) => s.folded).join(" ")).join(" ");
  return {
    title: title.text,
    summary: summary.text,
    body,
    searchText: `${title.folded}\n${summary.folded} ${bodyFolded}${extra}`,
    doc,
  };
}

/** The item's address as the app makes it (slugify in packages/core/src/items/slug.ts), from the folded title. */
export function slugOf(foldedTitleLine: string): string {
  const slug = foldedTitleLine.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  return slug || "bai-viet";
}

/**
 * Phrases of the generated texts, for the search benchmark, with and without diacritics: each is in a
 * large share of a province's items (the worst case: every match is ranked). The benchmark also asks for
 * place names, which are in few.
 */
export const COMMON_QUERIES = ["tiem vac xin", "phong toa", "ca mac moi", "cach ly tai nha", "xet nghiem", "ho tro nguoi lao dong", "cap do dich", "khai bao y te", "hoc sinh tro lai truong", "tin gia", "vắc xin mũi 3", "giãn cách xã hội", "bệnh viện dã chiến", "chợ đầu mối", "pc-covid"];
