// Deadline rules: every kind of update deadline the regulations use (DOMAIN.md "Kinds of deadline"),
// as the duties of a tenant pack carry them. @cong/schedule turns them into due times.
import { z } from "zod";

export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a local time HH:MM (00:00–23:59)");

/** Events that start a clock. */
export const EVENT_KINDS = [
  "question-asked",
  "feedback-received",
  "document-issued",
  "directive-issued",
  "figures-changed",
  "request-received",
  "incident-detected",
  "registration-received",
] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);

export const deadlineRuleSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("daily-at"),
      times: z.array(localTimeSchema).min(1).describe("local times the update is due each day, e.g. 06:00 and 18:00"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("daily-before"),
      time: localTimeSchema.describe("the update must be in before this local time each day, e.g. 09:00"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("min-per-day"),
      count: z.number().int().min(1).max(1000),
    })
    .strict(),
  z
    .object({
      kind: z.literal("within-hours"),
      hours: z.number().positive().max(24 * 90),
      after: eventKindSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal("within-working-days"),
      days: z.number().int().min(1).max(365),
      after: eventKindSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal("after-event"),
      after: eventKindSchema.describe("due as soon as the event happens (no clock), e.g. a directive is issued"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("monthly"),
      // Optional because a regulation may say only "every month" (3691/QĐ-UBND Điều 20); inventing a day would
      // put a deadline in the pack that no regulation set.
      day: z
        .number()
        .int()
        .min(1)
        .max(31)
        .optional()
        .describe("due by this day of the following month (clamped to the month's last day); absent: by the end of the month"),
      time: localTimeSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal("on-change") }).strict(),
  z.object({ kind: z.literal("on-request") }).strict(),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;
