import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { showFieldError } from '../../forms';
import { useSession } from '../../session';
import { Failure, Loading } from '../../states';
import type { NeedStatus } from '../../gql/graphql';

const MY_MATCH_ON_NEED = graphql(`
  query EnterpriseMatchOnNeed($needId: ID!, $enterpriseId: ID!) {
    matches(needId: $needId, enterpriseId: $enterpriseId, first: 1) {
      edges {
        node {
          id
          status
          version
        }
      }
    }
  }
`);

const EXPRESS_INTEREST = graphql(`
  mutation ExpressInterest($input: ExpressInterestInput!) {
    expressInterest(input: $input) {
      id
      status
      version
    }
  }
`);

interface InterestForm {
  message: string;
}

/**
 * What an enterprise member can do on a need's page: express interest while the need is open, or — once the
 * enterprise has a match on it — see where that stands (asking twice would only meet a CONFLICT).
 */
export function EnterpriseNeedPanel({ needId, status }: { needId: string; status: NeedStatus }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const enterpriseId = user?.organization.id ?? '';
  const [form] = Form.useForm<InterestForm>();
  const [failure, setFailure] = useState<unknown>(null);
  const existing = useQuery(MY_MATCH_ON_NEED, { variables: { needId, enterpriseId }, skip: !enterpriseId });
  const [express, sent] = useMutation(EXPRESS_INTEREST, {
    refetchQueries: [{ query: MY_MATCH_ON_NEED, variables: { needId, enterpriseId } }],
    awaitRefetchQueries: true,
  });
  if (existing.error) return <Failure error={existing.error} retry={() => void existing.refetch()} />;
  if (!existing.data) return <Loading />;
  const match = existing.data.matches.edges[0]?.node;
  const submit = async (values: InterestForm) => {
    setFailure(null);
    try {
      await express({ variables: { input: { needId, message: values.message } } });
    } catch (error) {
      if (!showFieldError(form, error)) setFailure(error);
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>
          {t('enterprise.interestTitle')}
        </Typography.Title>
      }
    >
      {match ? (
        <Space wrap data-testid="my-match">
          <span>{t('enterprise.alreadyMatched')}</span>
          <Tag>{t(`matchStatus.${match.status}`)}</Tag>
          <Link to={`/matches/${match.id}`}>{t('enterprise.openMatch')}</Link>
        </Space>
      ) : status !== 'OPEN' ? (
        <Alert type="info" title={t('enterprise.notOpen', { status: t(`status.${status}`) })} />
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ message: '' }}>
          {failure ? <Failure error={failure} /> : null}
          <Form.Item
            name="message"
            label={t('enterprise.interestMessage')}
            extra={t('enterprise.interestHint')}
            rules={[{ required: true, whitespace: true, message: t('enterprise.required') }]}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={sent.loading}>
            {t('enterprise.expressInterest')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
