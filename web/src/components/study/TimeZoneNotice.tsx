import { useState } from 'react';
import { browserTimeZone } from '../../lib/format';
import { useSaveStudySettings, useStudySettings } from '../../lib/study';
import { Button } from '../Button';

const DISMISSED_KEY = 'np-time-zone-kept';
const shown = (zone: string) => zone.replaceAll('_', ' ');

function keptFor(device: string): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === device;
  } catch {
    return false;
  }
}

/**
 * When this device is in another time zone than the learner's days follow (an account made
 * before zones existed, or a trip), offers to switch; "Keep" is remembered for this device's zone.
 */
export function TimeZoneNotice() {
  const settings = useStudySettings();
  const save = useSaveStudySettings();
  const device = browserTimeZone();
  const [kept, setKept] = useState(() => (device ? keptFor(device) : true));
  const current = settings.data?.timeZone;
  if (!device || !current || current === device || kept) return null;
  const keep = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, device);
    } catch {
      // Without storage the notice comes back next visit; nothing else depends on it.
    }
    setKept(true);
  };
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100">
      <p className="min-w-0 flex-1">
        Your study days start at midnight in {shown(current)}, but this device is set to {shown(device)}.
        {save.isError && ' That did not save; try again.'}
      </p>
      <div className="flex gap-2">
        <Button
          busy={save.isPending}
          disabled={save.isPending}
          onClick={() => save.mutate({ timeZone: device })}
        >
          Use {shown(device)}
        </Button>
        <Button variant="secondary" onClick={keep}>
          Keep {shown(current)}
        </Button>
      </div>
    </div>
  );
}
