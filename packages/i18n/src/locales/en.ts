// English UI strings.
import type { Messages } from "./vi.ts";

export const en: Messages = {
  meta: {
    platformTitle: "Cổng – the platform for provincial government portals",
    notFoundTitle: "Page not found",
  },
  a11y: {
    skipToContent: "Skip to main content",
    mainNav: "Portal sections",
    languageNav: "Choose a language",
  },
  language: {
    label: "Language",
    names: { vi: "Tiếng Việt", en: "English", zh: "中文" },
  },
  platform: {
    name: "Cổng",
    tagline: "A shared platform for the official portals of Vietnam's provinces and cities",
    intro: "Each province or city has its own portal on a subdomain, operated by its own agencies.",
    provincesHeading: "Provinces and cities on the platform",
    noProvinces: "No provinces yet.",
    visit: "Visit the portal",
  },
  portal: {
    sectionsHeading: "Sections",
    leadUnit: "Standing unit",
    operator: "Operating agency",
    hotlines: "Hotlines",
    contacts: "Contact",
    address: "Address",
    email: "Email",
    phone: "Phone",
    external: "(external link)",
    fallbackNote: "not yet translated, shown in Vietnamese",
    fallbackLegend: "Items marked * are not yet translated and are shown in Vietnamese.",
    operatedBy: "Operated by {{agency}}",
    platformCredit: "Runs on the Cổng platform",
    noSections: "This portal has no sections yet.",
  },
  notFound: {
    heading: "Page not found",
    unknownHost: "There is no portal at {{host}}.",
    unknownPage: "The page you are looking for does not exist or has moved.",
    backToPlatform: "Go to the Cổng platform home page",
    backHome: "Back to the home page",
  },
  error: {
    heading: "Something went wrong",
    message: "The system is having a problem. Please try again in a few minutes.",
  },
};
