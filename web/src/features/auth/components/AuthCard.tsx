import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The narrow centred card every auth page sits in. */
export function AuthCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="shop-auth" data-testid={testId}>
      <Card>
        <Typography.Title level={1} className="shop-page-title" style={{ textAlign: 'center' }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
