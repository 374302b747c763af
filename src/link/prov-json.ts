/**
 * The provenance graph as W3C PROV-JSON (PROV-JSON member submission, 2013): claims, articles and
 * cited sources are entities, speakers, organisations and outlets are agents, stated events are
 * activities. PROV's derivation subtypes are typed derivations in PROV-JSON: "wasQuotedFrom" is a
 * `wasDerivedFrom` with `prov:type` `prov:Quotation`, "hadPrimarySource" one with
 * `prov:PrimarySource`. Every export is checked against `provDocumentSchema` before it is returned.
 */
import { z } from 'zod';
import type { ProvenanceGraph, ProvNode } from './provenance.js';

export const CT_NAMESPACE = 'https://claimtrace.dev/ns#';

const qualifiedName = z.string().regex(/^[A-Za-z_][\w.-]*:[^\s]+$/, 'a qualified name such as ct:c-123');
const typedLiteral = z.strictObject({ $: z.string(), type: z.string().optional(), lang: z.string().optional() });
const attributeValue = z.union([z.string(), z.number(), z.boolean(), typedLiteral]);
const attributes = z.record(z.string().regex(/^[A-Za-z_][\w.-]*:[\w.-]+$/, 'attribute names are qualified'), z.union([attributeValue, z.array(attributeValue)]));
const relation = (required: string[]) =>
  attributes.superRefine((a, ctx) => {
    for (const k of required) if (typeof a[k] !== 'string') ctx.addIssue({ code: 'custom', message: `${k} is required`, path: [k] });
  });

/** A PROV-JSON document, as far as claimtrace writes one. */
export const provDocumentSchema = z
  .strictObject({
    prefix: z.record(z.string(), z.url()),
    entity: z.record(qualifiedName, attributes).optional(),
    agent: z.record(qualifiedName, attributes).optional(),
    activity: z.record(qualifiedName, attributes).optional(),
    wasGeneratedBy: z.record(z.string(), relation(['prov:entity'])).optional(),
    wasDerivedFrom: z.record(z.string(), relation(['prov:generatedEntity', 'prov:usedEntity'])).optional(),
    wasAttributedTo: z.record(z.string(), relation(['prov:entity', 'prov:agent'])).optional(),
    wasAssociatedWith: z.record(z.string(), relation(['prov:activity'])).optional(),
    actedOnBehalfOf: z.record(z.string(), relation(['prov:delegate', 'prov:responsible'])).optional(),
  })
  .superRefine((doc, ctx) => {
    const prefixes = new Set([...Object.keys(doc.prefix), 'prov', 'xsd']);
    const ids = new Map<string, string>();
    for (const kind of ['entity', 'agent', 'activity'] as const) {
      for (const id of Object.keys(doc[kind] ?? {})) {
        ids.set(id, kind);
        if (!prefixes.has(id.split(':')[0])) ctx.addIssue({ code: 'custom', message: `undeclared prefix in ${id}`, path: [kind, id] });
      }
    }
    const refs: Array<[string, string, string]> = [
      ['wasGeneratedBy', 'prov:entity', 'entity'],
      ['wasGeneratedBy', 'prov:activity', 'activity'],
      ['wasDerivedFrom', 'prov:generatedEntity', 'entity'],
      ['wasDerivedFrom', 'prov:usedEntity', 'entity'],
      ['wasAttributedTo', 'prov:entity', 'entity'],
      ['wasAttributedTo', 'prov:agent', 'agent'],
      ['wasAssociatedWith', 'prov:activity', 'activity'],
      ['wasAssociatedWith', 'prov:agent', 'agent'],
      ['actedOnBehalfOf', 'prov:delegate', 'agent'],
      ['actedOnBehalfOf', 'prov:responsible', 'agent'],
    ];
    for (const [rel, attr, kind] of refs) {
      const records = (doc as Record<string, unknown>)[rel] as Record<string, Record<string, unknown>> | undefined;
      for (const [rid, r] of Object.entries(records ?? {})) {
        const target = r[attr];
        if (typeof target === 'string' && ids.get(target) !== kind) {
          ctx.addIssue({ code: 'custom', message: `${attr} ${target} is not a declared ${kind}`, path: [rel, rid, attr] });
        }
      }
    }
  });
export type ProvDocument = z.infer<typeof provDocumentSchema>;

type Attrs = Record<string, string | number | boolean | { $: string; type?: string }>;
const qname = (value: string) => ({ $: value, type: 'prov:QUALIFIED_NAME' });

/** A qualified name for a graph node id ("person:liu-liehong" → "ct:person-liu-liehong"). */
function idOf(node: string): string {
  return 'ct:' + node.replace(/[^\w.-]+/g, '-');
}

function entityAttrs(n: ProvNode): Attrs {
  const a: Attrs = { 'prov:type': qname(`ct:${n.kind === 'source' ? 'CitedSource' : n.kind === 'claim' ? 'Claim' : n.kind === 'article' ? 'Article' : 'Statement'}`), 'prov:label': n.label };
  if (n.url) a['ct:url'] = { $: n.url, type: 'xsd:anyURI' };
  if (n.text) a['prov:value'] = n.text;
  if (n.date) a['ct:date'] = { $: n.date, type: 'xsd:date' };
  if (n.outletKind) a['ct:outletKind'] = n.outletKind;
  return a;
}

/** Export a provenance graph as a PROV-JSON document (validated against `provDocumentSchema`). */
export function toProvJson(graph: ProvenanceGraph): ProvDocument {
  const doc = {
    prefix: { ct: CT_NAMESPACE },
    entity: {} as Record<string, Attrs>,
    agent: {} as Record<string, Attrs>,
    activity: {} as Record<string, Attrs>,
    wasGeneratedBy: {} as Record<string, Attrs>,
    wasDerivedFrom: {} as Record<string, Attrs>,
    wasAttributedTo: {} as Record<string, Attrs>,
    wasAssociatedWith: {} as Record<string, Attrs>,
    actedOnBehalfOf: {} as Record<string, Attrs>,
  };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const n of graph.nodes) {
    const id = idOf(n.id);
    if (n.kind === 'person' || n.kind === 'organisation') {
      doc.agent[id] = { 'prov:type': qname(n.kind === 'person' ? 'prov:Person' : 'prov:Organization'), 'prov:label': n.label };
    } else if (n.kind === 'event') {
      const a: Attrs = { 'prov:type': qname('ct:StatedEvent'), 'prov:label': n.label };
      if (n.date) a['prov:startTime'] = { $: `${n.date}T00:00:00`, type: 'xsd:dateTime' };
      doc.activity[id] = a;
    } else doc.entity[id] = entityAttrs(n);
  }
  let k = 0;
  const rel = (kind: keyof typeof doc, attrs: Attrs) => {
    (doc[kind] as Record<string, Attrs>)[`_:${kind}${++k}`] = attrs;
  };
  for (const e of graph.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) continue;
    const [f, t] = [idOf(e.from), idOf(e.to)];
    switch (e.kind) {
      case 'read-from':
        rel('wasDerivedFrom', { 'prov:generatedEntity': f, 'prov:usedEntity': t, 'prov:label': 'read from the article' });
        break;
      case 'cites':
      case 'via':
        rel('wasDerivedFrom', { 'prov:generatedEntity': f, 'prov:usedEntity': t, 'prov:type': qname('prov:Quotation') });
        break;
      case 'attributed-to':
        if (to.kind === 'person' || to.kind === 'organisation') rel('wasAttributedTo', { 'prov:entity': f, 'prov:agent': t });
        break;
      case 'speaks-for':
        rel('actedOnBehalfOf', { 'prov:delegate': f, 'prov:responsible': t });
        break;
      case 'stated-at':
        if (from.kind === 'person' || from.kind === 'organisation') rel('wasAssociatedWith', { 'prov:activity': t, 'prov:agent': f });
        break;
      case 'primary-source': {
        // The origin's statement: an entity attributed to the speaker, generated by the event if known.
        const statement = `${t}-statement`;
        if (!doc.entity[statement]) {
          doc.entity[statement] = { 'prov:type': qname('ct:Statement'), 'prov:label': `statement by ${to.label}` };
          rel('wasAttributedTo', { 'prov:entity': statement, 'prov:agent': t });
          const ev = graph.edges.find((x) => x.kind === 'stated-at' && x.from === e.to);
          if (ev) rel('wasGeneratedBy', { 'prov:entity': statement, 'prov:activity': idOf(ev.to) });
        }
        rel('wasDerivedFrom', { 'prov:generatedEntity': f, 'prov:usedEntity': statement, 'prov:type': qname('prov:PrimarySource') });
        break;
      }
    }
  }
  const compact = Object.fromEntries(Object.entries(doc).filter(([key, v]) => key === 'prefix' || Object.keys(v).length > 0));
  return provDocumentSchema.parse(compact);
}
