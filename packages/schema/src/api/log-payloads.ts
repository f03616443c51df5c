/** Payloads of the ballot-box routes (zod): keys, proofs, exports, openings. */
import * as z from 'zod/mini';
import { DayInput, Instant, Slug, Uuid } from '../common.js';
import { line, text } from '../strings.js';

const Hex32 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'mã băm SHA-256 dạng hex (64 ký tự)'));
const Count = z.number().check(z.int(), z.gte(0));

/** The box's public key, to be written on the minutes and kept by supervisors. */
export const LogKey = z.object({
  unit: Slug,
  /** Key name = the log's origin, e.g. `sipas.example.gov.vn/phuong-tan-hoa`. */
  name: z.string(),
  /** Key id, 8 hex digits. */
  keyId: z.string(),
  algorithm: z.literal('ed25519'),
  /** 32-byte Ed25519 public key, base64. */
  publicKey: z.string(),
  /** The verifier key string `name+keyid+base64(0x01‖key)` that `sipas-server audit --key` takes. */
  verifierKey: z.string(),
});
export type LogKey = z.infer<typeof LogKey>;

export const LogCheckpointQuery = z.object({
  size: z.optional(line(z.regex(/^\d+$/))),
});

export const InclusionQuery = z.object({
  leaf: line(z.regex(/^\d+$/, 'số thứ tự lá (số nguyên ≥ 0)')),
});

export const InclusionProof = z.object({
  unit: Slug,
  leaf: Count,
  /** Tree size the proof is against: the checkpoint's. */
  size: Count,
  leafHash: Hex32,
  /** Audit path, hex, from the leaf upward (RFC 9162 §2.1.3). */
  proof: z.array(Hex32),
  /** The signed checkpoint (C2SP note text) the proof leads to. */
  checkpoint: z.string(),
});
export type InclusionProof = z.infer<typeof InclusionProof>;

export const ConsistencyQuery = z.object({
  from: line(z.regex(/^\d+$/, 'cỡ cây cũ (số nguyên ≥ 0)')),
  to: z.optional(line(z.regex(/^\d+$/, 'cỡ cây mới (số nguyên ≥ 0)'))),
});

export const ConsistencyProof = z.object({
  unit: Slug,
  from: Count,
  to: Count,
  /** Consistency path, hex (RFC 9162 §2.1.4). */
  proof: z.array(Hex32),
  /** The signed checkpoint of size `to`, when `to` is the latest size. */
  checkpoint: z.optional(z.string()),
});
export type ConsistencyProof = z.infer<typeof ConsistencyProof>;

/** The first line of an export: what it is and the checkpoint it was taken at. */
export const LogExportHeader = z.object({
  format: z.literal('sipas-ballot-export/1'),
  unit: Slug,
  origin: z.string(),
  size: Count,
  checkpoint: z.string(),
  exportedAt: Instant,
});
export type LogExportHeader = z.infer<typeof LogExportHeader>;

/**
 * Every further line: one leaf (`leaf` ≥ 0, in order) with the response row as stored, or a
 * response the database holds that is in no leaf (`leaf: null` — something slipped in).
 */
export const LogExportLine = z.object({
  leaf: z.nullable(Count),
  /** The response the leaf was made for (the log's record), or the stray response's id. */
  responseId: z.string(),
  /** The leaf hash the log recorded, hex; null for a response outside the log. */
  hash: z.nullable(z.string()),
  /** The response row rebuilt as the response; null when the row is gone. */
  response: z.nullable(z.record(z.string(), z.unknown())),
  receivedAt: z.nullable(z.string()),
  /** The receive time the log's own row records for the leaf (a second copy the audit compares). */
  leafReceivedAt: z.optional(z.nullable(z.string())),
  /** The channel sealed in the leaf (dossier, kiosk, web); absent for leaves from before channels. */
  source: z.optional(z.string()),
});
export type LogExportLine = z.infer<typeof LogExportLine>;

/** A witness (Mặt trận Tổ quốc, inspection) the unit registered to cosign its checkpoints. */
export const LogWitness = z.object({
  /** Label as on the minutes, e.g. "Ban Thường trực UBMTTQ phường". */
  label: z.string(),
  /** The witness's cosigner key `name+keyid+base64(0x04‖key)` (C2SP tlog-cosignature). */
  cosignerKey: z.string(),
  addedAt: Instant,
});
export type LogWitness = z.infer<typeof LogWitness>;

/** A cosignature as kept and printed: who, on which checkpoint, when, and its line. */
export const WitnessCosignature = z.object({
  witness: z.string(),
  label: z.string(),
  size: Count,
  root: Hex32,
  /** The witness's own time of signing (seconds since 1970, UTC), from the cosignature. */
  time: Count,
  /** The cosignature line as it is appended to the checkpoint note. */
  line: z.string(),
  /** On the minutes: the opened box extends this cosigned checkpoint. */
  consistent: z.optional(z.boolean()),
});
export type WitnessCosignature = z.infer<typeof WitnessCosignature>;

/** A witness hands in its cosignature of the checkpoint of `size`. */
export const CosignatureSubmission = z.object({
  size: Count,
  /** The line "— <name> <base64(key id ‖ time ‖ signature)>" the witness command prints. */
  cosignature: line(z.maxLength(400)),
});
export type CosignatureSubmission = z.infer<typeof CosignatureSubmission>;

export const WITNESS_ROLES = ['counter-head', 'survey-team', 'mttq', 'veterans', 'other'] as const;
export const WitnessRole = z.enum(WITNESS_ROLES);
export type WitnessRole = z.infer<typeof WitnessRole>;

export const Witness = z.object({
  role: WitnessRole,
  name: line(z.minLength(1), z.maxLength(120)),
  /** Position or organisation as it should read on the minutes. */
  title: z.optional(line(z.maxLength(160))),
});
export type Witness = z.infer<typeof Witness>;

/** Opening the box: the period to count and who witnesses it. */
export const BallotOpeningRequest = z.object({
  from: DayInput,
  to: DayInput,
  witnesses: z.array(Witness).check(z.minLength(1), z.maxLength(12)),
  place: z.optional(line(z.maxLength(200))),
  notes: z.optional(text(z.maxLength(2000))),
});
export type BallotOpeningRequest = z.infer<typeof BallotOpeningRequest>;

export const BallotOpening = z.object({
  id: Uuid,
  /** Order of openings of this unit, from 1. */
  number: z.number().check(z.int(), z.gte(1)),
  unit: Slug,
  unitName: z.string(),
  openedAt: Instant,
  openedBy: z.object({ id: z.string(), name: z.string() }),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Responses received in the period (Vietnam time, both days included), counted from the log. */
  responsesInPeriod: Count,
  /** First and last leaf of the period, when it has any. */
  firstLeaf: z.nullable(Count),
  lastLeaf: z.nullable(Count),
  /** The checkpoint signed at the opening: the whole box up to then. */
  checkpoint: z.object({ origin: z.string(), size: Count, root: z.string(), note: z.string(), signature: z.string() }),
  key: LogKey,
  /**
   * Witness cosignatures (C2SP tlog-cosignature) of the box: for each registered witness, the
   * latest checkpoint it cosigned up to this opening, and whether this opening's checkpoint
   * extends it (consistency proof checked). A false one means history was rewritten after it.
   */
  cosignatures: z.optional(z.array(WitnessCosignature)),
  /** The previous opening's checkpoint and whether this one extends it (consistency proof checked). */
  previous: z.nullable(z.object({ number: Count, openedAt: Instant, size: Count, consistent: z.boolean() })),
  witnesses: z.array(Witness),
  place: z.optional(z.string()),
  notes: z.optional(z.string()),
});
export type BallotOpening = z.infer<typeof BallotOpening>;

export const BallotOpeningList = z.object({ openings: z.array(BallotOpening) });
export type BallotOpeningList = z.infer<typeof BallotOpeningList>;

