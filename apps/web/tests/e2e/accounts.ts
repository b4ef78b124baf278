// The accounts the end-to-end server is started with (see start-server.mjs): real accounts made by the
// real createUser use case before the server starts, one per role the tests need.
export const E2E_PASSWORD = "Hai-nghin-khong-tram-hai-sau!";

export const accounts = {
  operator: { slug: null, email: "operator@e2e.cong.vn", roles: ["operator"], agencies: [] },
  qnAdmin: { slug: "quang-ninh", email: "admin@qn.e2e.cong.vn", roles: ["admin"], agencies: [] },
  qnHealthEditor: { slug: "quang-ninh", email: "bientap.syt@qn.e2e.cong.vn", roles: ["editor"], agencies: ["so-y-te"] },
  qnDicEditor: { slug: "quang-ninh", email: "bientap.tttt@qn.e2e.cong.vn", roles: ["editor"], agencies: ["so-tttt"] },
  qnBoard: { slug: "quang-ninh", email: "bbt@qn.e2e.cong.vn", roles: ["board"], agencies: [] },
  qnPoliceAnswerer: { slug: "quang-ninh", email: "traloi.ca@qn.e2e.cong.vn", roles: ["answerer"], agencies: ["cong-an-tinh"] },
  qnLeaving: { slug: "quang-ninh", email: "chuyencongtac@qn.e2e.cong.vn", roles: ["editor"], agencies: ["cdc"] },
  naAdmin: { slug: "nghe-an", email: "admin@na.e2e.cong.vn", roles: ["admin"], agencies: [] },
  naHealthEditor: { slug: "nghe-an", email: "bientap.syt@na.e2e.cong.vn", roles: ["editor"], agencies: ["so-y-te"] },
  thAdmin: { slug: "thanh-hoa", email: "admin@th.e2e.cong.vn", roles: ["admin"], agencies: [] },
} as const;

export type AccountKey = keyof typeof accounts;
