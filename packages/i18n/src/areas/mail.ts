// Mail sent by the platform: one-time links.
import { defineArea } from "./define-area.ts";

export const mail = defineArea(
  {
    reset: {
      subject: "Đặt lại mật khẩu tài khoản {{portal}}",
      body: "Xin chào {{name}},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản của bạn tại {{portal}}. Mở liên kết sau trong vòng {{minutes}} phút để đặt mật khẩu mới:\n\n{{url}}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.\n",
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
    invite: {
      subject: "邀请您参与管理{{portal}}",
      body: "{{name}}，您好：\n\n您被邀请参与管理{{portal}}。请在{{days}}天内打开以下链接设置密码并激活账户：\n\n{{url}}\n\n如果您没有预期收到此邮件，请忽略。\n",
    },
  },
);
