import { Skeleton } from 'antd';

/** Shown while a route's code chunk downloads. */
export function PageSkeleton() {
  return (
    <div data-testid="page-loading" style={{ padding: '8px 0' }}>
      <Skeleton active title paragraph={{ rows: 6 }} />
    </div>
  );
}
