// The tenant configuration editor: names of kinds, roles and deadline rules.
import { defineArea } from "./define-area.ts";

export const config = defineArea(
  {
    dutyRoles: {
      lead: "Chủ trì",
      update: "Cập nhật",
      "co-update": "Phối hợp cập nhật",
      answer: "Trả lời",
      review: "Thẩm định, duyệt",
      monitor: "Theo dõi, đôn đốc",
      report: "Báo cáo",
      operate: "Vận hành",
      promote: "Tuyên truyền",
    },
  },
  {
    dutyRoles: {
      lead: "Lead",
      update: "Update",
      "co-update": "Co-update",
      answer: "Answer",
      review: "Review",
      monitor: "Monitor",
      report: "Report",
      operate: "Operate",
      promote: "Promote",
    },
  },
  {
    dutyRoles: {
      lead: "主办",
      update: "更新",
      "co-update": "协同更新",
      answer: "答复",
      review: "审核",
      monitor: "跟踪督促",
      report: "报告",
      operate: "运营",
      promote: "宣传",
    },
  },
);
