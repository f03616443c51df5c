import * as z from 'zod/mini';
import { line, webUrl } from './strings.js';
import { Slug } from './common.js';

/** A ward, commune, district or province; units form a tree of any depth. */
export const Unit = z.object({
  id: Slug,
  name: line(z.minLength(1), z.maxLength(200)),
  /** Parent unit id; null for a root (a province). */
  parent: z.nullable(Slug),
  /** The questionnaire this unit's survey uses, by id; the latest version applies. */
  questionnaire: Slug,
  /** Origins (scheme://host[:port]) allowed to call the endpoint from a browser. */
  allowedOrigins: z.array(line(z.regex(/^https?:\/\/[^/\s]+$/))),
  /** Address and contact shown to citizens. */
  address: z.optional(line(z.maxLength(300))),
  /** Where complaints and denunciations (khiếu nại, tố cáo) are filed: they follow other laws. */
  complaintsUrl: z.optional(webUrl()),
});
export type Unit = z.infer<typeof Unit>;

/** What the public endpoint tells a widget about a unit: no secrets, no staff data. */
export const PublicUnit = z.object({
  id: Slug,
  name: z.string(),
  parent: z.nullable(Slug),
  questionnaire: Slug,
  address: z.optional(z.string()),
  complaintsUrl: z.optional(z.string()),
});
export type PublicUnit = z.infer<typeof PublicUnit>;
