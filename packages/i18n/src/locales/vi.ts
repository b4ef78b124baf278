// Vietnamese UI strings: the default and the fallback for every other language. NFC, UTF-8.
export const vi = {
  meta: {
    platformTitle: "Cổng – nền tảng cổng thông tin điện tử cấp tỉnh",
    notFoundTitle: "Không tìm thấy trang",
  },
  a11y: {
    skipToContent: "Bỏ qua, đến nội dung chính",
    mainNav: "Chuyên mục của cổng",
    languageNav: "Chọn ngôn ngữ",
  },
  language: {
    label: "Ngôn ngữ",
    names: { vi: "Tiếng Việt", en: "English", zh: "中文" },
  },
  platform: {
    name: "Cổng",
    tagline: "Nền tảng dùng chung cho cổng thông tin điện tử của các tỉnh, thành phố",
    intro: "Mỗi tỉnh, thành phố có cổng thông tin riêng trên tên miền con, do cơ quan của tỉnh vận hành.",
    provincesHeading: "Các tỉnh, thành phố trên nền tảng",
    noProvinces: "Chưa có tỉnh, thành phố nào.",
    visit: "Truy cập cổng",
  },
  portal: {
    sectionsHeading: "Chuyên mục",
    leadUnit: "Đơn vị thường trực",
    operator: "Cơ quan vận hành",
    hotlines: "Đường dây nóng",
    contacts: "Liên hệ",
    address: "Địa chỉ",
    email: "Thư điện tử",
    phone: "Điện thoại",
    external: "(liên kết ngoài)",
    fallbackNote: "chưa có bản dịch, hiển thị tiếng Việt",
    fallbackLegend: "Nội dung đánh dấu * chưa được dịch và đang hiển thị bằng tiếng Việt.",
    operatedBy: "Cơ quan vận hành: {{agency}}",
    platformCredit: "Vận hành trên nền tảng Cổng",
    noSections: "Cổng chưa có chuyên mục nào.",
  },
  notFound: {
    heading: "Không tìm thấy trang",
    unknownHost: "Không có cổng thông tin nào tại địa chỉ {{host}}.",
    unknownPage: "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
    backToPlatform: "Về trang chủ nền tảng Cổng",
    backHome: "Về trang chủ",
  },
  error: {
    heading: "Đã xảy ra lỗi",
    message: "Hệ thống đang gặp sự cố. Xin vui lòng thử lại sau ít phút.",
  },
};

export type Messages = typeof vi;
