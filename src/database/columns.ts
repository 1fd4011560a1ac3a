import { CreateDateColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';

/** Millisecond precision so keyset cursors built from JavaScript Dates match rows exactly. */
export const CreatedAt = () => CreateDateColumn({ type: 'timestamptz', precision: 3 });
export const UpdatedAt = () => UpdateDateColumn({ type: 'timestamptz', precision: 3 });

/** pg returns numeric as string to keep precision; money amounts here fit a double comfortably. */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
