// Why the server refused a request before it reached a page or a form's use case: the wrong method or
// content type, a body over the route's limit, a malformed form or address, a character that cannot be
// stored. Shown by the admin's error page and, for refusals before the app, as plain text.
import { defineArea } from "./define-area.ts";

export const request = defineArea(
  {
    heading: "Không thể xử lý yêu cầu",
    method: "Trang này chỉ nhận biểu mẫu gửi bằng phương thức POST.",
    contentType: "Dữ liệu gửi lên phải là một biểu mẫu (application/x-www-form-urlencoded hoặc multipart/form-data).",
    tooLarge: "Dữ liệu gửi lên quá lớn: tối đa {{limit}} cho biểu mẫu này. Không có gì được lưu.",
    malformed: "Biểu mẫu gửi lên bị lỗi định dạng hoặc trống. Không có gì được lưu.",
    nul: "Mục “{{field}}” chứa ký tự NUL (U+0000), không thể lưu. Không có gì được lưu.",
    badPath: "Địa chỉ trang không hợp lệ.",
    badQuery: "Tham số “{{field}}” trong địa chỉ chứa ký tự không được phép.",
    back: "Quay lại trang trước và thử lại.",
    signedOut: "Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.",
  },
  {
    heading: "The request could not be processed",
    method: "This page only accepts forms sent with the POST method.",
    contentType: "The data sent must be a form (application/x-www-form-urlencoded or multipart/form-data).",
    tooLarge: "The data sent is too large: this form takes at most {{limit}}. Nothing was saved.",
    malformed: "The form sent is malformed or empty. Nothing was saved.",
    nul: "The field “{{field}}” contains a NUL character (U+0000), which cannot be stored. Nothing was saved.",
    badPath: "The page address is not valid.",
    badQuery: "The parameter “{{field}}” in the address contains a character that is not allowed.",
    back: "Go back to the previous page and try again.",
    signedOut: "Your session has ended. Please sign in again.",
  },
  {
    heading: "无法处理该请求",
    method: "此页面只接受以 POST 方法提交的表单。",
    contentType: "提交的数据必须是表单（application/x-www-form-urlencoded 或 multipart/form-data）。",
    tooLarge: "提交的数据过大：此表单最多 {{limit}}。未保存任何内容。",
    malformed: "提交的表单格式错误或为空。未保存任何内容。",
    nul: "字段“{{field}}”含有 NUL 字符（U+0000），无法保存。未保存任何内容。",
    badPath: "页面地址无效。",
    badQuery: "地址中的参数“{{field}}”含有不允许的字符。",
    back: "请返回上一页后重试。",
    signedOut: "登录会话已结束。请重新登录。",
  },
);
