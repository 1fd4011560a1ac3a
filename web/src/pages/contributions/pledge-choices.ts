import { useQuery } from '@apollo/client/react';
import { labelOf } from '../../format';
import { graphql } from '../../gql';
import { currentLanguage } from '../../i18n';

const CHOICES = graphql(`
  query PledgeChoices {
    agencies: organizations(kind: AGENCY, verificationStatus: VERIFIED, first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    centres: organizations(kind: RESEARCH_CENTRE, verificationStatus: VERIFIED, first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    programmes(first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    trainingActivities: activities(kind: TRAINING_COURSE, upcoming: true, first: 50) {
      edges {
        node {
          id
          title
          titleZh
        }
      }
    }
  }
`);

const RECIPIENT_NEEDS = graphql(`
  query RecipientNeeds($organizationId: ID!) {
    needs(organizationId: $organizationId, status: OPEN, first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export interface Option {
  value: string;
  label: string;
}

/**
 * What a pledge is given to and within: the verified joint centres and partner agencies (centres first), the chosen
 * recipient's open needs, the programmes, and the training courses coming up (for training).
 */
export function usePledgeChoices(recipientId: string | undefined) {
  const choices = useQuery(CHOICES);
  const needs = useQuery(RECIPIENT_NEEDS, { variables: { organizationId: recipientId ?? '' }, skip: !recipientId });
  const named = (edges: Array<{ node: { id: string; nameEn: string; nameZh?: string | null } }> | undefined): Option[] =>
    (edges ?? []).map(({ node }) => ({ value: node.id, label: labelOf(node) }));
  const zh = currentLanguage() === 'ZH';
  return {
    loading: choices.loading,
    error: choices.error ?? needs.error,
    recipients: [...named(choices.data?.centres.edges), ...named(choices.data?.agencies.edges)],
    programmes: named(choices.data?.programmes.edges),
    trainingActivities: (choices.data?.trainingActivities.edges ?? []).map(({ node }) => ({
      value: node.id,
      label: zh && node.titleZh ? node.titleZh : node.title,
    })),
    needs: (needs.data?.needs.edges ?? []).map(({ node }) => ({ value: node.id, label: node.title })),
    needsLoading: needs.loading,
  };
}
