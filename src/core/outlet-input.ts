import { z } from 'zod';
import { OUTLET_STATUSES, OUTLET_TYPES, SOURCE_KINDS } from './types.js';

const httpUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

export const outletSourceSchema = z.object({
  kind: z.enum(SOURCE_KINDS),
  url: httpUrl,
});

export const crawlSettingsSchema = z.object({
  intervalMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  maxPages: z.number().int().min(1).max(10_000).default(50),
  comments: z.boolean().default(true),
});

const optionalText = z.string().trim().max(500).nullish().transform((v) => (v ? v : null));

/** What a person gives to register an outlet (CLI flags, API body). */
export const outletInputSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63')
    .optional(),
  type: z.enum(OUTLET_TYPES),
  name: z.string().trim().min(1).max(300),
  homeUrl: httpUrl,
  licenceNumber: optionalText,
  licenceIssuer: optionalText,
  responsiblePerson: optionalText,
  noticeContact: optionalText,
  status: z.enum(OUTLET_STATUSES).default('active'),
  sources: z.array(outletSourceSchema).max(100).default([]),
  crawl: crawlSettingsSchema.default({ intervalMinutes: 60, maxPages: 50, comments: true }),
});
export type OutletInput = z.input<typeof outletInputSchema>;
export type OutletValues = z.output<typeof outletInputSchema>;

/** A partial update; unknown fields are refused. */
export const outletPatchSchema = outletInputSchema.omit({ id: true }).partial().strict();
export type OutletPatch = z.output<typeof outletPatchSchema>;
