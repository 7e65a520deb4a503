import { useMemo } from 'react';
import type { CardQuery } from '../api';
import { CardFilters } from '../components/CardFilters';
import { CardListItem } from '../components/CardListItem';
import { PagedList } from '../components/PagedList';
import { PageHeader } from '../components/PageHeader';
import { useCards, useTopics } from '../lib/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useListParams } from '../lib/useListParams';

const PAGE_SIZE = 20;
const DEFAULT_SORT = 'topic';

export function CardsPage() {
  useDocumentTitle('Cards');
  const { params, filters, page, updateFilters, hrefForPage } = useListParams(DEFAULT_SORT);
  const { kind: _kind, ...cardFilters } = filters;
  const query: CardQuery = { ...cardFilters, page, limit: PAGE_SIZE };

  const topics = useTopics();
  const cards = useCards(query);
  const topicTitles = useMemo(() => new Map((topics.data ?? []).map((t) => [t.id, t.title])), [topics.data]);

  return (
    <>
      <PageHeader
        title="Cards"
        lead="Every interview question in the curriculum. Open one to see the answer a strong candidate gives."
      />
      <CardFilters filters={cardFilters} topics={topics.data ?? []} onChange={updateFilters} />
      <PagedList
        result={cards}
        noun="cards"
        hrefForPage={hrefForPage}
        keyOf={(card) => card.id}
        renderItem={(card) => (
          <CardListItem
            card={card}
            topicTitle={topicTitles.get(card.topicId)}
            listSearch={params.toString()}
          />
        )}
      />
    </>
  );
}
