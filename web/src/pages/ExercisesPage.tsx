import { useMemo } from 'react';
import type { ExerciseQuery } from '../api';
import { Difficulty, ExerciseKindBadge, LevelBadge } from '../components/Badges';
import { CardFilters, type Option } from '../components/CardFilters';
import { ListItem } from '../components/CardListItem';
import { PagedList } from '../components/PagedList';
import { PageHeader } from '../components/PageHeader';
import { useExercises, useTopics } from '../lib/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useListParams } from '../lib/useListParams';

const PAGE_SIZE = 20;
const DEFAULT_SORT = 'topic';

const KINDS: Option[] = [
  { value: 'exercise', label: 'Coding' },
  { value: 'debugging', label: 'Debugging' },
];

const SORTS: Option[] = [
  { value: 'topic', label: 'Topic' },
  { value: 'level', label: 'Level' },
  { value: 'difficulty', label: 'Easiest first' },
  { value: '-difficulty', label: 'Hardest first' },
  { value: 'title', label: 'Title (A–Z)' },
];

export function ExercisesPage() {
  useDocumentTitle('Exercises');
  const { params, filters, page, updateFilters, hrefForPage } = useListParams(DEFAULT_SORT);
  const query: ExerciseQuery = { ...filters, page, limit: PAGE_SIZE };
  const topics = useTopics();
  const exercises = useExercises(query);
  const topicTitles = useMemo(() => new Map((topics.data ?? []).map((t) => [t.id, t.title])), [topics.data]);
  const listSearch = params.toString();

  return (
    <>
      <PageHeader
        title="Exercises"
        lead="Write the code interviewers ask for, or fix code that is broken. Hidden tests grade your answer on a real Node.js."
      />
      <CardFilters
        filters={filters}
        topics={topics.data ?? []}
        onChange={updateFilters}
        sorts={SORTS}
        kinds={KINDS}
        noun="exercises"
        searchLabel="Search exercises"
        searchPlaceholder="e.g. retry, stream, cache"
      />
      <PagedList
        result={exercises}
        noun="exercises"
        hrefForPage={hrefForPage}
        keyOf={(exercise) => exercise.id}
        renderItem={(exercise) => (
          <ListItem
            to={`/exercises/${encodeURIComponent(exercise.id)}`}
            title={exercise.title}
            listPath="/exercises"
            listSearch={listSearch}
            tags={exercise.tags}
            tagLabel={(t) => `Show exercises tagged ${t}`}
            badges={
              <>
                <span className="font-medium text-slate-600 dark:text-slate-400">
                  {topicTitles.get(exercise.topicId) ?? exercise.topicId}
                </span>
                <LevelBadge level={exercise.level} />
                <ExerciseKindBadge kind={exercise.kind} />
                <Difficulty value={exercise.difficulty} />
              </>
            }
          />
        )}
      />
    </>
  );
}
