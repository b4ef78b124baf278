// @cong/schedule: deadlines as pure functions. Turns a duty's deadline rule into due slots in the tenant's
// zone, knows Vietnam's working days, matches updates to slots and explains how a deadline was computed.
export {
  DEFAULT_TIME_ZONE,
  addDays,
  dayOfWeek,
  daysBetween,
  endOfLocalDay,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  toLocal,
  toUtc,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
} from "./local-time.ts";
export {
  HOLIDAY_KEYS,
  HOLIDAY_NAMES,
  nationalDaySecondDay,
  vietnamDaysOff,
  type DayReason,
  type HolidayKey,
  type HolidayName,
} from "./vn-holidays.ts";
export {
  createWorkingCalendar,
  type CalendarDay,
  type DayInfo,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from "./working-calendar.ts";
export { addWorkingDays, type SkippedDay, type WorkingDaysResult } from "./add-working-days.ts";
export {
  dueInstances,
  type DueInstance,
  type DueInstancesOptions,
  type EventKind,
  type ScheduleEvent,
} from "./due-instances.ts";
export { evaluate, type InstanceEvaluation, type InstanceStatus, type ScheduleUpdate } from "./evaluate.ts";
export { explainDeadline, type DeadlineExplanation, type LocalMoment } from "./explain.ts";
