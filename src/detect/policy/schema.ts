/**
 * The policy pack format: categories (with legal references and suggested actions), shared phrase lists
 * and rules. The zod schema validates the structure; rule conditions are checked by `conditions.ts`,
 * which gives more precise messages than a zod union would.
 */
import { z } from 'zod';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Graduated actions a reviewer may take (see DESIGN.md: correction before removal). */
export const POLICY_ACTIONS = ['no-action', 'label-correction', 'notice', 'takedown-request', 'escalate'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = z.string().regex(ISO_DATE, 'expected a date written YYYY-MM-DD');
const ID = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID, 'expected a lower-case id of letters, digits and dashes');
const text = z.string().trim().min(1, 'must not be empty');

/** Vietnamese and English text of one name or description. */
export const bilingualSchema = z.strictObject({ vi: text, en: text });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** One legal provision that may apply, with the dates between which that text was in force. */
export const legalRefSchema = z
  .strictObject({
    law: text,
    article: text,
    clause: text.optional(),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    /** False when the article text or its amendment was not checked against the official text. */
    verified: z.boolean().default(true),
    /** The text that replaced this one, when it was replaced. */
    replacedBy: text.optional(),
    note: text.optional(),
  })
  .refine((r) => r.validTo === undefined || r.validTo >= r.validFrom, { message: 'validTo is before validFrom', path: ['validTo'] });
export type LegalRef = z.infer<typeof legalRefSchema>;

export const categorySchema = z.strictObject({
  id,
  name: bilingualSchema,
  description: bilingualSchema,
  severity: z.enum(SEVERITIES),
  legal: z.array(legalRefSchema).min(1, 'every category needs at least one legal reference'),
  actions: z.array(z.enum(POLICY_ACTIONS)).min(1, 'list at least one suggested action'),
});
export type PolicyCategory = z.infer<typeof categorySchema>;

export const ruleSchema = z.strictObject({
  id,
  category: id,
  description: text,
  /** A condition (see conditions.ts); validated separately for precise messages. */
  when: z.unknown().refine((v) => v !== undefined && v !== null, { message: 'a rule needs a "when" condition' }),
  score: z.number().min(0, 'score must be between 0 and 1').max(1, 'score must be between 0 and 1'),
  explanation: text,
  /** A rule that is switched off stays in the pack (and its history) but never fires. */
  enabled: z.boolean().default(true),
});
export type RawRule = z.infer<typeof ruleSchema>;

export const packSchema = z.strictObject({
  id,
  /** Free-form version string; the rules detector reports it as its version. */
  version: z.union([text, z.number().transform(String)]),
  name: bilingualSchema,
  description: bilingualSchema.optional(),
  categories: z.array(categorySchema).min(1, 'a pack needs at least one category'),
  phraseLists: z.record(id, z.array(text).min(1, 'a phrase list must not be empty')).default({}),
  rules: z.array(ruleSchema).default([]),
});
export type RawPack = z.infer<typeof packSchema>;
