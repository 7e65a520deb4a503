import { useMutation } from '@tanstack/react-query';
import { api } from '../../api';
import { describeError } from '../../lib/forms';
import { FormAlert } from '../Alert';
import { Button } from '../Button';
import { DownloadIcon } from '../Icons';
import { Panel } from '../Panel';

function download(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportData() {
  const exportData = useMutation({
    mutationFn: api.exportData,
    onSuccess: (data) => download(data, 'nodeprep-export.json'),
  });
  return (
    <Panel title="Export your data" id="export-title">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Download everything nodeprep keeps about you (profile, reviews, results) as one JSON file.
      </p>
      <div className="space-y-4">
        <FormAlert message={exportData.isError ? describeError(exportData.error).message : null} />
        <Button
          variant="secondary"
          busy={exportData.isPending}
          disabled={exportData.isPending}
          onClick={() => exportData.mutate()}
        >
          {!exportData.isPending && <DownloadIcon className="size-4" />}
          Download nodeprep-export.json
        </Button>
      </div>
    </Panel>
  );
}
