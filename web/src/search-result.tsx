import { Card, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Highlighted } from './highlighted';

/** One hit of a search (needs, enterprises): its linked, highlighted title, the highlighted snippet, and its facts. */
export function SearchResult({ to, title, snippet, children }: { to: string; title: string; snippet: string | null; children: ReactNode }) {
  return (
    <List.Item>
      <Card style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <Link to={to}>
            <Highlighted text={title} />
          </Link>
        </Typography.Title>
        {snippet && (
          <Typography.Paragraph type="secondary">
            <Highlighted text={snippet} />
          </Typography.Paragraph>
        )}
        <Space wrap>{children}</Space>
      </Card>
    </List.Item>
  );
}
