import { useQuery } from '@apollo/client/react';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { formatDate, formatMoney, formatNumber, labelOf } from '../format';
import { Failure, Loading } from '../states';
import { NeedPanels } from './need-panels';

const NEED = graphql(`
  query NeedPage($id: ID!) {
    need(id: $id) {
      id
      title
      description
      status
      budgetMin
      budgetMax
      currency
      deadline
      publishedAt
      financier
      financingInstrument
      populationServed
      site
      country {
        code
        nameEn
        nameZh
      }
      sector {
        labelEn
        labelZh
      }
      technologyCategories {
        code
        labelEn
        labelZh
      }
      cooperationModes {
        code
        labelEn
        labelZh
      }
      sdgTargets {
        code
        labelEn
        labelZh
      }
      organization {
        id
        nameEn
        nameZh
      }
    }
  }
`);

/** Anyone: one need, with everything its agency published. */
export function NeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(NEED, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error || !data) return <Failure error={error} retry={() => void refetch()} />;
  const need = data.need;
  const terms = (list: Array<{ code: string; labelEn: string; labelZh: string }>) => (
    <Space wrap>
      {list.map((term) => (
        <Tag key={term.code}>{labelOf(term)}</Tag>
      ))}
    </Space>
  );
  const budget =
    need.budgetMin !== null &&
    need.budgetMin !== undefined &&
    need.budgetMax !== null &&
    need.budgetMax !== undefined &&
    need.budgetMin !== need.budgetMax
      ? `${formatMoney(need.budgetMin, need.currency)} – ${formatMoney(need.budgetMax, need.currency)}`
      : formatMoney(need.budgetMax ?? need.budgetMin, need.currency);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/">← {t('common.back')}</Link>
      <Typography.Title level={2}>{need.title}</Typography.Title>
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('needs.status')}>
          <Tag>{t(`status.${need.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.country')}>{labelOf(need.country)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.agency')}>{labelOf(need.organization)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.sector')}>{labelOf(need.sector)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.budget')}>{budget}</Descriptions.Item>
        <Descriptions.Item label={t('needs.financier')}>{need.financier ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('needs.instrument')}>
          {need.financingInstrument ? t(`instrument.${need.financingInstrument}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.deadline')}>{formatDate(need.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.published')}>{formatDate(need.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.population')}>{formatNumber(need.populationServed)}</Descriptions.Item>
        <Descriptions.Item label={t('needs.site')}>{need.site ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('needs.technologies')} span={2}>
          {terms(need.technologyCategories)}
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.cooperation')} span={2}>
          {terms(need.cooperationModes)}
        </Descriptions.Item>
        <Descriptions.Item label={t('needs.sdg')} span={2}>
          {terms(need.sdgTargets)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4}>{t('needs.description')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{need.description}</Typography.Paragraph>
      <NeedPanels need={need} />
    </Space>
  );
}
