// Matches the updates an agency made against the slots of one duty's rule, and says for each slot whether
// it was met on time, late, missed, is still open or is overdue: what the monitoring dashboard shows.
import type { DueInstance } from "./due-instances.ts";

export type InstanceStatus = "fulfilled" | "late" | "missed" | "open" | "overdue";

export interface ScheduleUpdate {
  at: Date;
  /** Set when the update answers a given event (the question it answers); it then counts for that
   *  event's slot only. */
  eventId?: string;
}

export interface InstanceEvaluation<U extends ScheduleUpdate = ScheduleUpdate> {
  instance: DueInstance;
  status: InstanceStatus;
  /** The updates this slot consumed, in time order; fewer than `required` unless fulfilled or late. */
  updates: U[];
  /** The update that completed the count. */
  fulfilledAt?: Date;
  /** How long after dueAt the count was completed; only when status is "late". */
  lateByMs?: number;
}

function accepts(instance: DueInstance, update: ScheduleUpdate, taken: number): boolean {
  const at = update.at.getTime();
  if (taken >= instance.required) return false;
  if (at < instance.opensAt.getTime()) return false;
  if (instance.closesAt !== undefined && at >= instance.closesAt.getTime()) return false;
  return instance.eventId === undefined || update.eventId === undefined || update.eventId === instance.eventId;
}

function statusOf(instance: DueInstance, fulfilledAt: Date | undefined, now: number): Omit<InstanceEvaluation, "instance" | "updates"> {
  const due = instance.dueAt.getTime();
  if (fulfilledAt) {
    const lateBy = fulfilledAt.getTime() - due;
    return lateBy > 0 ? { status: "late", fulfilledAt, lateByMs: lateBy } : { status: "fulfilled", fulfilledAt };
  }
  if (now <= due) return { status: "open" };
  if (instance.closesAt !== undefined && now >= instance.closesAt.getTime()) return { status: "missed" };
  return { status: "overdue" };
}

/**
 * Pass the instances of ONE rule (dueInstances' output): a slot's late window ends where the next slot of the
 * same rule falls due. Updates after `now` are ignored, so the answer is the one that was true at `now`.
 *
 * Each update fulfils at most one slot: of the slots that still need updates and whose window (opensAt
 * inclusive, closesAt exclusive) contains it, the one whose due time is nearest to it. An update at the very instant a slot falls due counts
 * on time for that slot, not late for the unmet one before it. Results follow the order of `instances`.
 */
export function evaluate<U extends ScheduleUpdate>(instances: readonly DueInstance[], updates: readonly U[], now: Date): InstanceEvaluation<U>[] {
  const nowMs = now.getTime();
  const byDue = instances
    .map((instance, index) => ({ instance, index, taken: [] as U[] }))
    .sort((a, b) => a.instance.dueAt.getTime() - b.instance.dueAt.getTime() || (a.instance.key < b.instance.key ? -1 : a.instance.key > b.instance.key ? 1 : 0));
  const happened = updates
    .filter((update) => update.at.getTime() <= nowMs)
    .map((update, order) => ({ update, order }))
    .sort((a, b) => a.update.at.getTime() - b.update.at.getTime() || a.order - b.order);

  // Among the slots still open to an update, it counts for the one whose due time is nearest (the
  // earlier on a tie): figures sent at 05:40 are the 06:00 report, not yesterday's 18:00 one eleven hours
  // late; figures sent at 18:45 are the 18:00 report late, not tomorrow's 06:00 one eleven hours early.
  for (const { update } of happened) {
    const at = update.at.getTime();
    let slot: (typeof byDue)[number] | undefined;
    for (const candidate of byDue) {
      if (!accepts(candidate.instance, update, candidate.taken.length)) continue;
      if (!slot || Math.abs(candidate.instance.dueAt.getTime() - at) < Math.abs(slot.instance.dueAt.getTime() - at)) slot = candidate;
    }
    slot?.taken.push(update);
  }

  const results: InstanceEvaluation<U>[] = new Array(instances.length);
  for (const { instance, index, taken } of byDue) {
    const fulfilledAt = taken.length >= instance.required ? taken[instance.required - 1]?.at : undefined;
    results[index] = { instance, updates: taken, ...statusOf(instance, fulfilledAt, nowMs) };
  }
  return results;
}
