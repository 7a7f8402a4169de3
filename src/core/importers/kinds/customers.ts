import { optionalDate, optionalEmail, optionalText, requiredText } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';

interface CustomerRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string | null;
}

export const customers: ImportKindSpec<CustomerRecord> = {
  kind: 'customers',
  formats: ['csv', 'jsonl'],
  requiredColumns: ['id', 'name'],
  parse: (record) => ({
    id: requiredText(record, 'id'),
    name: requiredText(record, 'name'),
    email: optionalEmail(record, 'email'),
    phone: optionalText(record, 'phone'),
    createdAt: optionalDate(record, 'created_at'),
  }),
  key: (customer) => customer.id,
  write(db, values) {
    const existing = db.prepare('SELECT 1 FROM customers WHERE external_id = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO customers (external_id, name, email, phone, created_at) VALUES (@id, @name, @email, @phone, @createdAt)
       ON CONFLICT (external_id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
         created_at = coalesce(excluded.created_at, customers.created_at)`,
    );
    let inserted = 0;
    for (const customer of values) {
      if (existing.get(customer.id) === undefined) inserted += 1;
      upsert.run(customer);
    }
    return { inserted, updated: values.length - inserted };
  },
  export(db) {
    const records = db.prepare('SELECT external_id AS id, name, email, phone, created_at FROM customers ORDER BY external_id').all() as Record<string, unknown>[];
    return { format: 'csv', columns: ['id', 'name', 'email', 'phone', 'created_at'], records };
  },
};
