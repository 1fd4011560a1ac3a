import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import type { MatchView } from './match';
import './messages';

type Contact = NonNullable<MatchView['agencyContact']>;

// A link inside text must not be told apart by colour alone (WCAG 1.4.1).
const UNDERLINED = { textDecoration: 'underline' };

function ContactCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={1} title={contact.organization}>
      <Descriptions.Item label={t('match.email')}>
        {contact.email ? (
          <a href={`mailto:${contact.email}`} style={UNDERLINED}>
            {contact.email}
          </a>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('match.phone')}>{contact.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('match.website')}>{contact.website ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('match.people')}>
        {contact.people.map((person) => (
          <div key={person.email}>
            {person.name} ·{' '}
            <a href={`mailto:${person.email}`} style={UNDERLINED}>
              {person.email}
            </a>
          </div>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * The contacts the API gives this reader: the other side's once both accepted, both for the secretariat. Before
 * that, a side reads when they will come.
 */
export function MatchContacts({ match }: { match: MatchView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // A side reads the other side's contact (its own is no news); the secretariat reads both.
  const shown =
    user?.role === 'AGENCY_MEMBER'
      ? [match.enterpriseContact]
      : user?.role === 'ENTERPRISE_MEMBER'
        ? [match.agencyContact]
        : [match.agencyContact, match.enterpriseContact];
  const contacts = shown.filter((c): c is Contact => Boolean(c));
  const introduced = match.status === 'INTRODUCED';
  if (contacts.length === 0 && !introduced) return null;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('match.contacts')}
        </Typography.Title>
      }
      data-testid="match-contacts"
    >
      {contacts.length === 0 ? (
        <Typography.Text>{t('match.contactsLater')}</Typography.Text>
      ) : (
        <Row gutter={[16, 16]}>
          {contacts.map((contact) => (
            <Col xs={24} md={12} key={contact.organization}>
              <ContactCard contact={contact} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
