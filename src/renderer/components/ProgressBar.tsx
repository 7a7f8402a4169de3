/** The bottom bar that follows long jobs (imports, demo creation) through the core's progress events. */
import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../shared/types.ts';
import { useApi } from '../app/api.tsx';
import { useT } from '../i18n/i18n.tsx';
import { describeTask } from './progress-task.ts';

/** How long a finished job stays visible so a quick import is still noticed. */
const lingerAfterFinish = 1_200;

export function ProgressBar() {
  const api = useApi();
  const t = useT();
  const [job, setJob] = useState<ProgressEvent | null>(null);

  useEffect(() => {
    let hideTimer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = api.on('progress', (event) => {
      if (hideTimer) clearTimeout(hideTimer);
      setJob(event);
      if (event.finished) hideTimer = setTimeout(() => setJob(null), lingerAfterFinish);
    });
    return () => {
      if (hideTimer) clearTimeout(hideTimer);
      unsubscribe();
    };
  }, [api]);

  if (!job) return null;
  const fraction = job.total ? Math.min(job.done / job.total, 1) : null;
  return (
    <div className="progress-bar" role="status" aria-label={t('progress.label')} data-testid="progress">
      <span className="progress-label">{describeTask(t, job.task)}</span>
      <span className="progress-count">{job.total === null ? job.done : `${job.done} / ${job.total}`}</span>
      <div className={`progress-track ${fraction === null ? 'indeterminate' : ''}`}>
        <div className="progress-fill" style={{ width: fraction === null ? undefined : `${fraction * 100}%` }} />
      </div>
    </div>
  );
}
