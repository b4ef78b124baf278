// Mail sent by the platform: one-time links.
import { defineArea } from "./define-area.ts";

export const mail = defineArea(
  {
    reset: {
      subject: "Đặt lại mật khẩu tài khoản {{portal}}",
      body: "Xin chào {{name}},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản của bạn tại {{portal}}. Mở liên kết sau trong vòng {{minutes}} phút để đặt mật khẩu mới:\n\n{{url}}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.\n",
    },
    reminder: {
      before: {
        subject: "Sắp đến hạn cập nhật: {{section}} ({{due}})",
        body: "Xin chào {{name}},\n\nTheo phân công trên {{portal}}, {{agency}} cần cập nhật chuyên mục \"{{section}}\" trước {{due}} (căn cứ: {{source}}).\n\nCập nhật tại: {{url}}\n",
      },
      overdue: {
        subject: "Quá hạn cập nhật: {{section}} (hạn {{due}})",
        body: "Xin chào {{name}},\n\nChuyên mục \"{{section}}\" trên {{portal}} đã quá hạn cập nhật của {{agency}} (hạn {{due}}; căn cứ: {{source}}).\n\nVui lòng cập nhật ngay tại: {{url}}\n",
      },
    },
    invite: {
      subject: "Lời mời tham gia quản trị {{portal}}",
      body: "Xin chào {{name}},\n\nBạn được mời tham gia quản trị {{portal}}. Mở liên kết sau trong vòng {{days}} ngày để đặt mật khẩu và kích hoạt tài khoản:\n\n{{url}}\n\nNếu bạn không chờ đợi thư này, hãy bỏ qua nó.\n",
    },
  },
  {
    reset: {
      subject: "Reset the password of your {{portal}} account",
      body: "Hello {{name}},\n\nSomeone asked to reset the password of your account at {{portal}}. Open this link within {{minutes}} minutes to set a new password:\n\n{{url}}\n\nIf it was not you, ignore this message; your password stays as it is.\n",
    },
    reminder: {
      before: {
        subject: "Update due soon: {{section}} ({{due}})",
        body: "Hello {{name}},\n\nUnder the responsibilities of {{portal}}, {{agency}} is due to update the section \"{{section}}\" by {{due}} (basis: {{source}}).\n\nUpdate it here: {{url}}\n",
      },
      overdue: {
        subject: "Update overdue: {{section}} (due {{due}})",
        body: "Hello {{name}},\n\nThe update of the section \"{{section}}\" on {{portal}} by {{agency}} is overdue (due {{due}}; basis: {{source}}).\n\nPlease update it now: {{url}}\n",
      },
    },
    invite: {
      subject: "Invitation to administer {{portal}}",
      body: "Hello {{name}},\n\nYou have been invited to help administer {{portal}}. Open this link within {{days}} days to set your password and activate your account:\n\n{{url}}\n\nIf you were not expecting this message, ignore it.\n",
    },
  },
  {
    reset: {
      subject: "重置您在{{portal}}的账户密码",
      body: "{{name}}，您好：\n\n有人请求重置您在{{portal}}的账户密码。请在{{minutes}}分钟内打开以下链接设置新密码：\n\n{{url}}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。\n",
    },
    reminder: {
      before: {
        subject: "即将到期的更新：{{section}}（{{due}}）",
        body: "{{name}}，您好：\n\n根据{{portal}}的职责分工，{{agency}}须在{{due}}前更新栏目“{{section}}”（依据：{{source}}）。\n\n更新地址：{{url}}\n",
      },
      overdue: {
        subject: "更新已逾期：{{section}}（期限{{due}}）",
        body: "{{name}}，您好：\n\n{{portal}}上由{{agency}}负责的栏目“{{section}}”更新已逾期（期限{{due}}；依据：{{source}}）。\n\n请立即更新：{{url}}\n",
      },
    },
    invite: {
      subject: "邀请您参与管理{{portal}}",
      body: "{{name}}，您好：\n\n您被邀请参与管理{{portal}}。请在{{days}}天内打开以下链接设置密码并激活账户：\n\n{{url}}\n\n如果您没有预期收到此邮件，请忽略。\n",
    },
  },
);
