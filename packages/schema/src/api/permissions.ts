import type { STAFF_ROLES } from '../staff.js';

type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The permission matrix: the one table of what each staff role may do. Routes name the
 * permission they need (`RouteContract.permission`); the server refuses a lower role with 403.
 * An admin may do everything a staff member may. docs/operations.md prints the same table.
 */
export const PERMISSIONS = {
  /** Read the unit's feedback inbox and a case with its sender (to handle it). */
  'feedback.read': 'staff',
  /** Route, start, answer and annotate a case. */
  'feedback.handle': 'staff',
  /** Publish a case's public version on the unit's site: the unit speaks officially. */
  'feedback.publish': 'admin',
  /** Export a period's cases with names, addresses and phones (personal data) as CSV. */
  'feedback.export': 'admin',
  /** Read the staff report of results (figures only, no personal data). */
  'results.report': 'staff',
  /** Read the minutes of past ballot-box openings. */
  'ballot.minutes': 'staff',
  /** Open the ballot box for a period before witnesses (signs and records the minutes). */
  'ballot.open': 'admin',
  /** Export every response of the box (for an audit). */
  'ballot.export': 'admin',
  /** Unlock a staff account locked by failed sign-ins. */
  'staff.unlock': 'admin',
  /** Replace the unit's procedure catalogue from an office file (preview, then confirm). */
  'procedures.import': 'admin',
  /** Enter or amend the year's holiday decision for the unit and the units below it. */
  'holidays.edit': 'admin',
  /** Change the unit's survey settings (closed field list, published channels, token validity). */
  'surveys.settings': 'admin',
  /** Sign dossier tokens for the unit's receipts (the one-stop software's account or a clerk). */
  'dossiers.sign': 'staff',
  /** Add staff accounts, reset their passwords, disable them, change their roles. */
  'staff.manage': 'admin',
  /** Issue and revoke the counter tablets' kiosk keys. */
  'kiosk.manage': 'admin',
  /** Choose the sites (origins) allowed to embed the unit's elements. */
  'origins.manage': 'admin',
  /** Change the unit's feedback settings (answering period, mail server). */
  'settings.manage': 'admin',
  /** Read the admin change log. */
  'admin.log': 'admin',
} as const satisfies Record<string, StaffRole>;
export type Permission = keyof typeof PERMISSIONS;

const RANK: Record<StaffRole, number> = { staff: 1, admin: 2 };

/** Whether `role` may do what `permission` guards. */
export function permits(role: StaffRole, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSIONS[permission]];
}

/** What each permission is called in a refusal and in the docs. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'feedback.read': 'xem phản ánh, kiến nghị',
  'feedback.handle': 'xử lý phản ánh, kiến nghị',
  'feedback.publish': 'công khai trả lời phản ánh, kiến nghị',
  'feedback.export': 'xuất dữ liệu cá nhân của người phản ánh',
  'results.report': 'xem báo cáo kết quả',
  'ballot.minutes': 'xem biên bản mở hòm phiếu',
  'ballot.open': 'mở hòm phiếu',
  'ballot.export': 'xuất toàn bộ phiếu trong hòm phiếu',
  'staff.unlock': 'mở khoá tài khoản cán bộ',
  'procedures.import': 'nhập danh mục thủ tục hành chính',
  'holidays.edit': 'sửa danh sách ngày nghỉ lễ, Tết',
  'surveys.settings': 'sửa cài đặt khảo sát của đơn vị',
  'dossiers.sign': 'ký mã QR hồ sơ',
  'staff.manage': 'quản lý tài khoản cán bộ',
  'kiosk.manage': 'cấp và thu hồi khóa kiosk',
  'origins.manage': 'chọn trang web được nhúng thành phần',
  'settings.manage': 'đổi cài đặt phản ánh, kiến nghị',
  'admin.log': 'xem nhật ký quản trị',
};
