import { ObjectLiteral } from 'typeorm';

/** A WHERE condition for a TypeORM query builder, with its named parameters: `query.andWhere(c.where, c.parameters)`. */
export interface SqlCondition {
  where: string;
  parameters: ObjectLiteral;
}

/** The condition every row meets (a reader who sees everything). */
export const EVERY_ROW: SqlCondition = { where: 'TRUE', parameters: {} };

/** The condition no row meets (a reader who sees nothing). */
export const NO_ROW: SqlCondition = { where: 'FALSE', parameters: {} };
