/** `due_on` → `dueOn`: a column name as the domain spells the field. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

export type Camelized<Row extends object> = { [Column in keyof Row as Column extends string ? CamelCase<Column> : Column]: Row[Column] };

/** A row checked against its schema, with each column under the domain's name for it. */
export function camelized<Row extends object>(row: Row): Camelized<Row> {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()), value])) as Camelized<Row>;
}
