// An area's strings in the three languages; English and Chinese must have exactly Vietnamese's keys.
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export function defineArea<T extends Record<string, unknown>>(vi: T, en: Shape<T>, zh: Shape<T>) {
  return { vi, en, zh } as { vi: T; en: Shape<T>; zh: Shape<T> };
}
