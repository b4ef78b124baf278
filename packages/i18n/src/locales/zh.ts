// Simplified Chinese UI strings.
import type { Messages } from "./vi.ts";

export const zh: Messages = {
  meta: {
    platformTitle: "Cổng – 省级政府门户网站平台",
    notFoundTitle: "未找到页面",
  },
  a11y: {
    skipToContent: "跳到主要内容",
    mainNav: "门户栏目",
    languageNav: "选择语言",
  },
  language: {
    label: "语言",
    names: { vi: "Tiếng Việt", en: "English", zh: "中文" },
  },
  platform: {
    name: "Cổng",
    tagline: "越南各省市政府门户网站的共享平台",
    intro: "每个省市在各自的子域名上拥有独立门户，由本省机构运营。",
    provincesHeading: "平台上的省市",
    noProvinces: "暂无省市。",
    visit: "访问门户",
  },
  portal: {
    sectionsHeading: "栏目",
    leadUnit: "常设单位",
    operator: "运营机构",
    hotlines: "热线电话",
    contacts: "联系方式",
    address: "地址",
    email: "电子邮件",
    phone: "电话",
    external: "（外部链接）",
    fallbackNote: "尚未翻译，以越南语显示",
    fallbackLegend: "标有 * 的内容尚未翻译，以越南语显示。",
    operatedBy: "运营机构：{{agency}}",
    platformCredit: "基于 Cổng 平台运行",
    noSections: "本门户暂无栏目。",
  },
  notFound: {
    heading: "未找到页面",
    unknownHost: "{{host}} 上没有门户网站。",
    unknownPage: "您要找的页面不存在或已被移动。",
    backToPlatform: "前往 Cổng 平台首页",
    backHome: "返回首页",
  },
  error: {
    heading: "出现错误",
    message: "系统出现问题，请几分钟后再试。",
  },
};
