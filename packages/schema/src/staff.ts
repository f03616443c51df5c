import * as z from 'zod/mini';
import { line } from './strings.js';
import { Instant, Slug } from './common.js';

export const STAFF_ROLES = ['staff', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);

export const StaffLogin = z.object({
  unit: Slug,
  username: line(z.trim(), z.minLength(1), z.maxLength(64)),
  password: line(z.minLength(1), z.maxLength(200)),
});
export type StaffLogin = z.infer<typeof StaffLogin>;

export const StaffMember = z.object({
  id: z.string(),
  unit: Slug,
  role: StaffRole,
  name: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffSession = z.object({
  /** Bearer token for `Authorization: Bearer …`; shown once. */
  token: z.string(),
  expiresAt: Instant,
  staff: StaffMember,
});
export type StaffSession = z.infer<typeof StaffSession>;
