import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  ASTNode,
  ASTVisitor,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  OperationDefinitionNode,
  OperationTypeNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  specifiedRules,
  subscribe,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  validate,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { QUERY_LIMIT_CODES } from '../common/graphql-errors';

export interface QueryLimits {
  /** Deepest nesting of fields (the root fields are level 1). */
  maxDepth: number;
  /** Highest cost (see QueryMeasure). */
  maxComplexity: number;
  /** Most root fields in one operation, aliases included. */
  maxRootFields: number;
}

/**
 * What a root field costs before the items it returns: the work behind it, declared on the resolver with
 * `@Query(…, { complexity: ROOT_COST.search })`. A root field that declares nothing is a database read. A search is
 * a Meilisearch query (or several); a ranking runs the matcher (many searches, the track-record index, scoring).
 */
export const ROOT_COST = { read: 10, search: 100, ranking: 1000 } as const;

/** Items counted for a paginated field whose `first` is left out and has no default in the schema. */
export const FIRST_DEFAULT = 20;
/** `first` counts as given, but never above this (the API caps pages at 100). */
export const FIRST_MAX = 100;
/** Items counted for a list field that takes no `first` (a match's factors, a contact's people, a need's SDG targets). */
export const UNPAGINATED_LIST_ITEMS = 10;
/**
 * Introspection (`__schema`, `__type`) is exempt from maxDepth, since the standard introspection query nests ~13 levels
 * of `ofType`, which cost nothing. It has fixed limits of its own instead: depth, and how many list fields may nest
 * (`types { fields { args } }` is 3), which is what multiplies its work.
 */
export const INTROSPECTION_MAX_DEPTH = 20;
export const INTROSPECTION_MAX_LISTS = 3;

class TooDeep extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}
class TooComplex extends Error {}
class TooManyRootFields extends Error {}

type Mode = { introspection: false } | { introspection: true; level: number; lists: number };

interface MeasureOptions {
  checkDepth: boolean;
  checkComplexity: boolean;
  /** The request's variables; unknown during validation (a `first` given by a variable then counts as its default, else FIRST_MAX). */
  variables?: Record<string, unknown>;
}

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();

/**
 * Depth and cost of one operation, following fragments. Cost: every field costs 1; the cost of what a list field selects
 * counts once per item it may return: its `first` (the request's value; left out, the argument's default, else
 * FIRST_DEFAULT; at most FIRST_MAX), or UNPAGINATED_LIST_ITEMS for a list that takes no `first`. On a connection,
 * `first` counts for its `edges` (or `nodes`), not for `totalCount`, `pageInfo` or `facets` beside them. Introspection
 * fields cost 1 each, without multiplication. Stops as soon as a limit is passed (also when the fields, fragments written
 * out, outnumber maxComplexity), so a hostile query costs little to refuse.
 */
class QueryMeasure {
  private visits = 0;
  private readonly expanding = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly operation: OperationDefinitionNode,
    private readonly limits: QueryLimits,
    private readonly options: MeasureOptions,
  ) {}

  /** The cost; throws TooDeep or TooComplex. */
  check(): number {
    const { operation } = this.operation;
    const root =
      operation === OperationTypeNode.QUERY
        ? this.schema.getQueryType()
        : operation === OperationTypeNode.MUTATION
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    return root ? this.selectionSet(this.operation.selectionSet, root, 1, { introspection: false }) : 0;
  }

  private tooComplex(cost: number): boolean {
    return this.options.checkComplexity && cost > this.limits.maxComplexity;
  }

  /** `edgeItems`: the `first` of the connection whose fields these are. */
  private selectionSet(set: SelectionSetNode, type: GraphQLNamedType, level: number, mode: Mode, edgeItems?: number): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += this.field(selection, type, level, mode, edgeItems);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        total += this.selectionSet(selection.selectionSet, on ?? type, level, mode, edgeItems);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        // Unknown fragments and cycles are reported by the standard rules; they add nothing here.
        if (!fragment || this.expanding.has(fragment.name.value)) continue;
        this.expanding.add(fragment.name.value);
        const on = this.schema.getType(fragment.typeCondition.name.value);
        total += this.selectionSet(fragment.selectionSet, on ?? type, level, mode, edgeItems);
        this.expanding.delete(fragment.name.value);
      }
      if (this.tooComplex(total)) throw new TooComplex();
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLNamedType, level: number, mode: Mode, edgeItems: number | undefined): number {
    // Bounds the work of the walk itself (fragments spread twice in each other), whatever is checked.
    if (++this.visits > this.limits.maxComplexity) throw new TooComplex();
    const name = node.name.value;
    const definition = this.definitionOf(name, parent);
    if (this.options.checkDepth && !mode.introspection && level > this.limits.maxDepth)
      throw new TooDeep(`it nests more than ${this.limits.maxDepth} levels of fields`);
    if (!definition) return 1;
    // A root field costs the work behind it; a paginated field reads its `first` rows whatever it selects of them.
    const first = this.firstOf(node, definition);
    const own = (level === 1 && name !== '__typename' ? rootCostOf(definition) : 1) + (first ?? 0);
    if (!node.selectionSet) return own;

    const type = getNamedType(definition.type);
    const isList = isListType(getNullableType(definition.type));
    if (mode.introspection || name === '__schema' || name === '__type') {
      const inner: Mode = mode.introspection
        ? { introspection: true, level: mode.level + 1, lists: mode.lists + (isList ? 1 : 0) }
        : { introspection: true, level: 1, lists: 0 };
      if (this.options.checkDepth && inner.level > INTROSPECTION_MAX_DEPTH)
        throw new TooDeep(`its introspection nests more than ${INTROSPECTION_MAX_DEPTH} levels`);
      if (this.options.checkDepth && inner.lists > INTROSPECTION_MAX_LISTS)
        throw new TooDeep(`its introspection nests more than ${INTROSPECTION_MAX_LISTS} lists`);
      return 1 + this.selectionSet(node.selectionSet, type, level + 1, inner);
    }

    if (first !== undefined && !isList && isConnection(type))
      return own + this.selectionSet(node.selectionSet, type, level + 1, mode, first);
    const items =
      first ??
      (!isList
        ? 1
        : (name === 'edges' || name === 'nodes') && isConnection(parent)
          ? (edgeItems ?? FIRST_DEFAULT)
          : UNPAGINATED_LIST_ITEMS);
    return own + items * this.selectionSet(node.selectionSet, type, level + 1, mode);
  }

  /** The field's definition, the introspection ones included (they are not among a type's fields). */
  private definitionOf(name: string, parent: GraphQLNamedType): GraphQLField<unknown, unknown> | undefined {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (parent === this.schema.getQueryType() && name === '__schema') return SchemaMetaFieldDef;
    if (parent === this.schema.getQueryType() && name === '__type') return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  /** The items a paginated field (one with a `first` argument) may return; undefined for other fields. */
  private firstOf(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
    const argument = definition.args.find((arg) => arg.name === 'first');
    if (!argument) return undefined;
    const fallback = typeof argument.defaultValue === 'number' ? argument.defaultValue : FIRST_DEFAULT;
    const given = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
    const count = given ? this.intOf(given, fallback) : fallback;
    return Math.max(0, Math.min(count, FIRST_MAX));
  }

  /** An Int argument's value; `fallback` is the argument's default, for a variable left out of the request. */
  private intOf(value: ValueNode, fallback: number): number {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return FIRST_MAX;
    const definition = this.operation.variableDefinitions?.find((v) => v.variable.name.value === value.name.value);
    const declared = definition?.defaultValue?.kind === Kind.INT ? Number(definition.defaultValue.value) : undefined;
    // Validation: the value is not known yet, so the worst case unless the operation declares a default.
    if (!this.options.variables) return declared ?? FIRST_MAX;
    const sent = this.options.variables[value.name.value];
    if (typeof sent === 'number' && Number.isFinite(sent)) return sent;
    return sent === undefined || sent === null ? (declared ?? fallback) : FIRST_MAX;
  }
}

/** A root field's declared cost (`complexity` on its @Query/@Mutation/@Subscription), else a database read. */
function rootCostOf(definition: GraphQLField<unknown, unknown>): number {
  const declared = definition.extensions?.complexity;
  return typeof declared === 'number' ? declared : ROOT_COST.read;
}

/**
 * The root fields of an operation, aliases included and fragments written out (`__typename` costs nothing and is not
 * counted). Throws TooManyRootFields past the limit, so a hostile operation costs little to refuse.
 */
function countRootFields(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  limit: number,
  seen = new Set<string>(),
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, fragments, limit - count, seen);
    else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      count += countRootFields(fragment.selectionSet, fragments, limit - count, seen);
      seen.delete(fragment.name.value);
    }
    if (count > limit) throw new TooManyRootFields();
  }
  return count;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
}

/** The refusal for a broken limit, or null; `error` is what QueryMeasure threw. */
function limitError(error: unknown, limits: QueryLimits, nodes: ASTNode[]): GraphQLError | null {
  if (error instanceof TooDeep) {
    return new GraphQLError(
      `The query is too deep: ${error.detail} (the limit is ${limits.maxDepth} levels; introspection: ${INTROSPECTION_MAX_DEPTH} levels, ${INTROSPECTION_MAX_LISTS} nested lists)`,
      {
        nodes,
        extensions: { code: QUERY_LIMIT_CODES.tooDeep, maxDepth: limits.maxDepth },
      },
    );
  }
  if (error instanceof TooManyRootFields) {
    return new GraphQLError(
      `The operation has too many root fields: more than ${limits.maxRootFields}, aliases included (send several requests, or fewer fields at once)`,
      {
        nodes,
        extensions: { code: QUERY_LIMIT_CODES.tooManyRootFields, maxRootFields: limits.maxRootFields },
      },
    );
  }
  if (error instanceof TooComplex) {
    return new GraphQLError(
      `The query is too complex: its cost exceeds the limit of ${limits.maxComplexity} (a root field costs the work behind it, 10 to 1000; every other field 1, times the items of the lists around it, and a page its \`first\`; ask for fewer items or fields)`,
      {
        nodes,
        extensions: { code: QUERY_LIMIT_CODES.tooComplex, maxComplexity: limits.maxComplexity },
      },
    );
  }
  return null;
}

/**
 * The limits as a GraphQL validation rule: depth, and unless `complexity` is false, the cost with the variables unknown
 * (see MeasureOptions). Apollo runs it before anything executes; a refusal is HTTP 400 with QUERY_TOO_DEEP or
 * QUERY_TOO_COMPLEX (see formatGraphQLError).
 */
export function queryLimitsRule(limits: QueryLimits, { complexity = true }: { complexity?: boolean } = {}): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        try {
          countRootFields(operation.selectionSet, fragments, limits.maxRootFields);
          new QueryMeasure(context.getSchema(), fragments, operation, limits, { checkDepth: true, checkComplexity: complexity }).check();
        } catch (error) {
          const refusal = limitError(error, limits, [operation]);
          if (!refusal) throw error;
          context.reportError(refusal);
        }
        return false;
      },
    };
  };
}

/** Charges an operation's cost to the client behind a request's context (RequestBudgetService); throws to refuse. */
export type ChargeCost = (context: unknown, cost: number) => Promise<void>;

/** The cost of `operation` with its variables; throws the QUERY_TOO_COMPLEX refusal (HTTP 400). */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: QueryLimits,
  variables: Record<string, unknown>,
): number {
  try {
    return new QueryMeasure(schema, fragmentsOf(document), operation, limits, {
      checkDepth: false,
      checkComplexity: true,
      variables,
    }).check();
  } catch (error) {
    const refusal = limitError(error, limits, [operation]);
    if (!refusal) throw error;
    throw new GraphQLError(refusal.message, { nodes: [operation], extensions: { ...refusal.extensions, http: { status: 400 } } });
  }
}

/**
 * The cost limit with the request's variables (`first: $n` counts as the n sent), once Apollo has validated the document
 * and picked the operation, before it executes: HTTP 400 with QUERY_TOO_COMPLEX. Then the cost is charged to the
 * client's budget (`charge`), which may refuse it, still before anything executes.
 */
export function queryComplexityPlugin(limits: QueryLimits, charge?: ChargeCost): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const cost = costOf(schema, document, operation, limits, request.variables ?? {});
          if (charge) await charge(contextValue, cost);
        },
      };
    },
  };
}

/**
 * graphql-ws (GraphQL over WebSocket) validates and executes documents itself, without Apollo's rules or plugins: its
 * `validate` gets both limits (the variables unknown, as in queryLimitsRule), and refuses introspection when it is off,
 * so neither can be bypassed over a WebSocket; its `execute` and `subscribe` first charge the operation's cost, with
 * the variables sent, to the client's budget (`charge`), and answer a refusal as an error result, executing nothing.
 * (Nest's type of these options leaves them out, but passes every option on to graphql-ws.)
 */
export function webSocketOptions(limits: QueryLimits, introspection: boolean, charge?: ChargeCost): GraphQLWsSubscriptionsConfig {
  const extra = [queryLimitsRule(limits), ...(introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  const withLimits: typeof validate = (schema, document, rules = specifiedRules, options, typeInfo) =>
    validate(schema, document, [...rules, ...extra], options, typeInfo);
  if (!charge) return { validate: withLimits } as GraphQLWsSubscriptionsConfig;
  /** The refusal of an operation's cost, or null once it is paid. */
  const refusalOf = async (args: ExecutionArgs): Promise<ExecutionResult | null> => {
    const operation = args.document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
    );
    if (!operation) return null;
    try {
      await charge(args.contextValue, costOf(args.schema, args.document, operation, limits, args.variableValues ?? {}));
      return null;
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
  };
  const chargedExecute = async (args: ExecutionArgs) => (await refusalOf(args)) ?? execute(args);
  const chargedSubscribe = async (args: ExecutionArgs) => (await refusalOf(args)) ?? subscribe(args);
  return { validate: withLimits, execute: chargedExecute, subscribe: chargedSubscribe } as unknown as GraphQLWsSubscriptionsConfig;
}
