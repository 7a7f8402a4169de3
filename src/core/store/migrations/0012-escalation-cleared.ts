import type { Migration } from './migration.ts';

export const escalationCleared: Migration = {
  version: 12,
  name: 'escalation-cleared',
  up: `
    -- The last customer message an agent had seen when clearing the escalation: the assistant
    -- escalates again only for a newer message, so clearing sticks.
    ALTER TABLE conversations ADD COLUMN escalation_cleared_through INTEGER;
  `,
};
