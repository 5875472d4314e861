/**
 * Builds a parameterised WHERE clause: `?` in each condition becomes the next `$n`. Values are never
 * spliced into SQL.
 */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, ...values: unknown[]): this {
    let sql = condition;
    for (const value of values) sql = sql.replace('?', this.param(value));
    this.conditions.push(sql);
    return this;
  }

  /** Adds the condition only when the value is given. */
  addIf(value: unknown, condition: string): this {
    return value === undefined || value === null || value === ''
      ? this
      : this.add(condition, value);
  }

  /** A placeholder for one more parameter, for use outside the WHERE clause (LIMIT). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
