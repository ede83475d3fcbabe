import { Severity, type RotationProblem } from '../dto/rotation-problem.js';

export const error = (code: string, message: string, index: number | null = null, field: string | null = null): RotationProblem => ({
  code,
  severity: Severity.ERROR,
  index,
  field,
  message,
});

export const warning = (code: string, message: string, index: number | null = null, field: string | null = null): RotationProblem => ({
  code,
  severity: Severity.WARNING,
  index,
  field,
  message,
});

export const hasErrors = (problems: RotationProblem[]) => problems.some((p) => p.severity === Severity.ERROR);

/** Each problem once, errors first, then by lampiran row (event-level problems first). */
export function sortProblems(problems: RotationProblem[]): RotationProblem[] {
  const unique = new Map(problems.map((p) => [`${p.severity}|${p.code}|${p.index}|${p.message}`, p]));
  return [...unique.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === Severity.ERROR ? -1 : 1) || (a.index ?? -1) - (b.index ?? -1));
}
