import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync, Visitor, type ESTree, type Plugin } from 'vite';

/**
 * Puts each GraphQL document of the console into the chunk of the page that uses it (docs/CONSOLE.md, "Accessibility
 * and size"). GraphQL Code Generator's client preset makes `graphql(`...`)` look its text up in the `documents` map of
 * web/src/gql/gql.ts, which holds every document of the app, so without the preset's Babel or SWC plugin (which Vite's
 * oxc cannot run) they all land in the entry chunk. This plugin does that plugin's work: each call
 * `graphql(`...`)` in web/src (not in web/src/gql) becomes the finished DocumentNode that web/src/gql/graphql.ts holds
 * for that text (its fragments included), inlined as `JSON.parse('…')`. The types still come from gql.ts, whose
 * `graphql` then has no runtime use and drops out of the bundle with its map. A call whose text has no generated
 * document (codegen out of date) fails the build, and in `npm run dev:web` the page, with the same message.
 */
export function graphqlDocuments(): Plugin {
  const srcDir = join(import.meta.dirname, 'src');
  const gqlDir = join(srcDir, 'gql');
  const gqlFile = join(gqlDir, 'gql.ts');
  const typesFile = join(gqlDir, 'graphql.ts');
  let loaded: { stamp: string; documents: Map<string, string> } | undefined;

  /** Each source text of gql.ts's map to its document's JSON in graphql.ts, read again whenever codegen rewrote them. */
  function documents(): Map<string, string> {
    const stamp = [gqlFile, typesFile].map((file) => statSync(file).mtimeMs).join();
    if (loaded?.stamp !== stamp) loaded = { stamp, documents: readDocuments(gqlFile, typesFile) };
    return loaded.documents;
  }

  return {
    name: 'waterbridge:graphql-documents',
    enforce: 'pre',
    transform: {
      filter: { id: /\/web\/src\/.*\.tsx?$/, code: 'graphql' },
      handler(code, id) {
        if (!id.startsWith(srcDir + '/') || id.startsWith(gqlDir + '/')) return;
        const calls = findGraphqlCalls(id, code);
        if (!calls.length) return;
        const map = documents();
        this.addWatchFile(gqlFile);
        this.addWatchFile(typesFile);
        let out = code;
        // From the last call to the first, so that the offsets of the earlier ones stay right.
        for (const { start, end, text, line } of calls.reverse()) {
          const json = map.get(text);
          if (json === undefined) {
            const first = text.trim().split('\n')[0];
            throw new Error(`${id}:${line}: no generated document for graphql(\`${first} …\`): run npm run codegen`);
          }
          // As many line breaks as the call had, so that the lines after it keep their numbers (no source map needed).
          const breaks = '\n'.repeat(code.slice(start, end).split('\n').length - 1);
          out = `${out.slice(0, start)}/*#__PURE__*/ JSON.parse(${singleQuoted(json)})${breaks}${out.slice(end)}`;
        }
        return { code: out, map: null };
      },
    },
  };
}

interface Call {
  start: number;
  end: number;
  /** The key codegen gave the document: the template's text as written, \` read as a backtick. */
  text: string;
  line: number;
}

/** The calls of the `graphql` imported from web/src/gql, each with one template literal and no interpolation. */
function findGraphqlCalls(id: string, code: string): Call[] {
  const { program, errors } = parseSync(id, code);
  if (errors.length) return []; // Left to the compiler, which reports them better.
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || !/(^|\/)gql(\/(index|gql))?$/.test(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && importedName(specifier) === 'graphql') {
        names.add(specifier.local.name);
      }
    }
  }
  if (!names.size) return [];
  const calls: Call[] = [];
  new Visitor({
    CallExpression(node: ESTree.CallExpression) {
      if (node.callee.type !== 'Identifier' || !names.has(node.callee.name)) return;
      const line = code.slice(0, node.start).split('\n').length;
      const [argument] = node.arguments;
      if (node.arguments.length !== 1 || argument.type !== 'TemplateLiteral' || argument.expressions.length) {
        throw new Error(`${id}:${line}: graphql() takes one template literal without \${…}, which codegen can read`);
      }
      if (code[argument.start] !== '`' || code[argument.end - 1] !== '`') throw new Error(`${id}:${line}: unexpected offsets`);
      // As @graphql-tools/graphql-tag-pluck reads it (codegen's keys): the raw text, not the cooked string.
      const text = code
        .slice(argument.start + 1, argument.end - 1)
        .split('\\`')
        .join('`');
      calls.push({ start: node.start, end: node.end, text, line });
    },
  }).visit(program);
  return calls.sort((a, b) => a.start - b.start);
}

function importedName(specifier: ESTree.ImportSpecifier): string {
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
}

/**
 * gql.ts's `documents` map (source text: types.NameDocument) joined with graphql.ts's `export const NameDocument =
 * {…} as unknown as DocumentNode<…>`, whose object literal is JSON.
 */
function readDocuments(gqlFile: string, typesFile: string): Map<string, string> {
  const typesCode = readFileSync(typesFile, 'utf8');
  const json = new Map<string, string>();
  for (const statement of parseSync(typesFile, typesCode).program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declaration.declarations) {
      let init = declarator.init;
      while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression')) init = init.expression;
      if (declarator.id.type !== 'Identifier' || init?.type !== 'ObjectExpression') continue;
      const text = typesCode.slice(init.start, init.end);
      json.set(declarator.id.name, JSON.stringify(JSON.parse(text)));
    }
  }

  const gqlCode = readFileSync(gqlFile, 'utf8');
  const documents = new Map<string, string>();
  new Visitor({
    VariableDeclarator(node: ESTree.VariableDeclarator) {
      if (node.id.type !== 'Identifier' || node.id.name !== 'documents' || node.init?.type !== 'ObjectExpression') return;
      for (const property of node.init.properties) {
        if (property.type !== 'Property' || property.key.type !== 'Literal' || typeof property.key.value !== 'string') continue;
        const value = property.value;
        if (value.type !== 'MemberExpression' || value.property.type !== 'Identifier') continue;
        const document = json.get(value.property.name);
        if (document === undefined) throw new Error(`${typesFile} has no ${value.property.name}: run npm run codegen`);
        documents.set(property.key.value, document);
      }
    },
  }).visit(parseSync(gqlFile, gqlCode).program);
  if (!documents.size) throw new Error(`${gqlFile} has no documents map: has the client preset changed its output?`);
  return documents;
}

/** A JavaScript string literal of `text` in single quotes (JSON has few of them, and many double quotes). */
function singleQuoted(text: string): string {
  return `'${text.replace(/[\\'\u2028\u2029]/g, (c) => (c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16)}`))}'`;
}
