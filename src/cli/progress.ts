import type { ApiEvents } from '../shared/api.ts';
import type { CommandIo } from './command.ts';

function formatAmount(done: number, total: number | null): string {
  if (total === null || total === 0) return `${done}`;
  return `${Math.min(100, Math.round((done / total) * 100))}%`;
}

/**
 * Progress on stderr as one redrawn line, cleared when the job ends so that the
 * command's own result (or its one-line error) is what stays. Off when stderr is
 * not a terminal: logs and scripts get only results and errors.
 */
export function createProgressPrinter(io: CommandIo): (event: ApiEvents['progress']) => void {
  let lastDrawn = 0;
  return (event) => {
    if (!io.interactive) return;
    if (event.finished) {
      io.err('\r\x1b[2K');
      return;
    }
    const now = Date.now();
    if (now - lastDrawn < 100) return;
    lastDrawn = now;
    io.err(`\r\x1b[2K${event.label}: ${formatAmount(event.done, event.total)}`);
  };
}
