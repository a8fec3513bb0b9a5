import { useMe } from '../api/queries.ts';
import { Loading } from '../shared/loading.tsx';
import { AdminHome } from './admin-home.tsx';
import { RespondentHome } from './respondent-home.tsx';
import { ReviewerHome } from './reviewer-home.tsx';

/** Each role starts somewhere different: own assessments, the review queue, or administration. */
export default function HomePage() {
  const me = useMe().data;
  if (!me) return <Loading />;
  if (me.role === 'admin') return <AdminHome />;
  if (me.role === 'reviewer') return <ReviewerHome />;
  return <RespondentHome user={me} />;
}
