import type { ApiEvents } from '../shared/api.ts';
import type { CommandIo } from './command.ts';

function formatAmount(done: number, total: number | null): string {
  if (total === null || total === 0) return `${done}`;
  return `${Math.min(100, Math.round((done / total) * 100))}%`;
}

/**
 * Progress on stderr: a redrawn line on a terminal; elsewhere (logs, CI) one line per
 * job when it finishes, so captured output stays short.
 */
export function createProgressPrinter(io: CommandIo): (event: ApiEvents['progress']) => void {
  let lastDrawn = 0;
  return (event) => {
    if (!io.interactive) {
      if (event.finished) io.err(`${event.label}: done\n`);
      return;
    }
    const now = Date.now();
    if (!event.finished && now - lastDrawn < 100) return;
    lastDrawn = now;
    io.err(`\r\x1b[2K${event.label}: ${event.finished ? 'done\n' : formatAmount(event.done, event.total)}`);
  };
}
