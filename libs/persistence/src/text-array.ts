/**
 * A list of strings as a PostgreSQL text-array literal, for `= any(?::text[])`: MikroORM expands a
 * JavaScript array parameter into a list of placeholders, so arrays travel as one literal instead.
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
