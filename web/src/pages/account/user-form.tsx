import { useMutation, useQuery } from '@apollo/client/react';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../format';
import { showFieldError } from '../../forms';
import { graphql } from '../../gql';
import type { Language, Role, UsersQuery } from '../../gql/graphql';
import { Failure } from '../../states';

const ORGANIZATION_OPTIONS = graphql(`
  query OrganizationOptions($nameContains: String) {
    organizations(first: 20, nameContains: $nameContains) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
  }
`);

const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

const UPDATE_USER = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      displayName
      role
      preferredLanguage
      active
    }
  }
`);

export const ROLES: Role[] = ['ADMIN', 'COORDINATOR', 'ENTERPRISE_MEMBER', 'AGENCY_MEMBER'];
const LANGUAGES: Language[] = ['EN', 'ZH'];
type User = UsersQuery['users']['edges'][number]['node'];

/**
 * Organisations found by a part of their name, in either language (the first 20). With `anyLabel`, a first option
 * stands for "no filter" (a visible choice rather than a placeholder, which Ant Design draws too pale to read).
 */
export function OrganizationSelect({
  value,
  onChange,
  anyLabel,
  ...rest
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  anyLabel?: string;
  id?: string;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(ORGANIZATION_OPTIONS, { variables: { nameContains: search || undefined } });
  const found = (data?.organizations.edges ?? []).map(({ node }) => ({ value: node.id, label: labelOf(node) }));
  return (
    <Select
      {...rest}
      value={value ?? (anyLabel ? '' : undefined)}
      onChange={(id: string) => onChange?.(id || undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      style={{ minWidth: 260 }}
      options={anyLabel ? [{ value: '', label: anyLabel }, ...found] : found}
    />
  );
}

interface CreateValues {
  displayName: string;
  email: string;
  organizationId: string;
  role: Role;
  password: string;
  preferredLanguage: Language;
}

function useRoleOptions() {
  const { t } = useTranslation();
  return {
    roles: ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })),
    languages: LANGUAGES.map((language) => ({ value: language, label: t(`account.users.${language}`) })),
  };
}

/** A dialog to create a user with every field the API takes; its refusals show at the fields. */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const [create, { loading, error }] = useMutation(CREATE_USER, { refetchQueries: ['Users'], awaitRefetchQueries: true });
  const [atField, setAtField] = useState(false);
  const { roles, languages } = useRoleOptions();
  const required = { required: true, message: t('account.required') };
  const save = async (input: CreateValues) => {
    const { data } = await create({ variables: { input } }).catch((e: unknown) => {
      setAtField(showFieldError(form, e));
      return { data: undefined };
    });
    if (data) onClose();
  };
  return (
    <Modal
      open
      title={t('account.users.createTitle')}
      okText={t('account.users.create')}
      cancelText={t('account.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && !atField && <Failure error={error} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ preferredLanguage: 'EN' }}
        onFinish={(v: CreateValues) => void save(v)}
      >
        <Form.Item label={t('account.users.name')} name="displayName" rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('account.users.email')} name="email" rules={[required]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('account.users.organization')} name="organizationId" rules={[required]}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item label={t('account.users.role')} name="role" rules={[required]}>
          <Select options={roles} />
        </Form.Item>
        <Form.Item label={t('account.users.password')} name="password" rules={[required]} extra={t('account.users.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('account.users.language')} name="preferredLanguage">
          <Select options={languages} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EditValues = Pick<User, 'displayName' | 'role' | 'preferredLanguage' | 'active'>;

/** A dialog to change a user's name, role, language and whether they may sign in (all the API lets change). */
export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const [update, { loading, error }] = useMutation(UPDATE_USER);
  const [atField, setAtField] = useState(false);
  const { roles, languages } = useRoleOptions();
  const save = async (values: EditValues) => {
    const { data } = await update({ variables: { input: { id: user.id, ...values } } }).catch((e: unknown) => {
      setAtField(showFieldError(form, e));
      return { data: undefined };
    });
    if (data) onClose();
  };
  return (
    <Modal
      open
      title={t('account.users.editTitle', { name: user.displayName })}
      okText={t('account.save')}
      cancelText={t('account.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && !atField && <Failure error={error} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ displayName: user.displayName, role: user.role, preferredLanguage: user.preferredLanguage, active: user.active }}
        onFinish={(v: EditValues) => void save(v)}
      >
        <Form.Item label={t('account.users.name')} name="displayName" rules={[{ required: true, message: t('account.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('account.users.role')} name="role">
          <Select options={roles} />
        </Form.Item>
        <Form.Item label={t('account.users.language')} name="preferredLanguage">
          <Select options={languages} />
        </Form.Item>
        <Form.Item label={t('account.users.activeLabel')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
