/**
 * What each source line became (a chapter heading, a measure, page furniture …), collected while the
 * agenda is recognised, so a person can see the source beside the outline.
 */
import type { SourceEntry, SourceLine, SourceRole } from '../source.js';

/** The role of every line, set as the recognition decides it; lines never set are blank. */
export class Marks {
  private readonly roles: { role: SourceRole; ref?: string }[] = [];

  /** Says what the lines with these indices became (and which chapter, section or measure they belong to). */
  set(indices: readonly number[], role: SourceRole, ref?: string): void {
    for (const index of indices) this.roles[index] = ref === undefined ? { role } : { role, ref };
  }

  /** The role given to a line, or undefined when none was. */
  roleOf(index: number): SourceRole | undefined {
    return this.roles[index]?.role;
  }

  /** The id a line was said to belong to, or undefined. */
  refOf(index: number): string | undefined {
    return this.roles[index]?.ref;
  }

  /** The source lines with their roles, one-based line numbers. */
  entries(lines: readonly SourceLine[]): SourceEntry[] {
    return lines.map((line, index) => {
      const mark = this.roles[index] ?? { role: 'blank' as const };
      return {
        line: index + 1,
        text: line.text.trim(),
        ...(line.page !== undefined ? { page: line.page } : {}),
        ...mark,
      };
    });
  }
}
