/**
 * Open311 service attributes ("service definitions"): extra questions a civic app asks before it posts. Each
 * category may define its own (data on the category, set by the district administrator); a category that never
 * did asks the common short list below, and an empty list asks nothing. Answers are checked here and kept on the
 * issue (staff only).
 */
export interface Open311AttributeValue {
  readonly key: string;
  readonly name: string;
}

export interface Open311AttributeDefinition {
  readonly code: string;
  readonly datatype: 'string' | 'singlevaluelist';
  readonly required: boolean;
  readonly description: string;
  readonly datatypeDescription: string | null;
  readonly order: number;
  readonly values: readonly Open311AttributeValue[];
  /** Longest accepted answer for a `string` attribute. */
  readonly maxLength?: number;
}

export const commonOpen311Attributes: readonly Open311AttributeDefinition[] = [
  {
    code: 'DANGER',
    datatype: 'singlevaluelist',
    required: false,
    description: 'Is anyone in immediate danger? 是否有人身危险?',
    datatypeDescription: null,
    order: 1,
    values: [
      { key: 'yes', name: 'Yes 是' },
      { key: 'no', name: 'No 否' },
    ],
  },
  {
    code: 'LANDMARK',
    datatype: 'string',
    required: false,
    description: 'A landmark that helps find the spot (building, stairwell, shop). 参照物',
    datatypeDescription: 'free text, at most 100 characters',
    order: 2,
    values: [],
    maxLength: 100,
  },
];

/** The questions a category asks: its own, or the common list when it never defined any (null). */
export function open311AttributesOf(category: {
  readonly open311Attributes: readonly Open311AttributeDefinition[] | null;
}): readonly Open311AttributeDefinition[] {
  return category.open311Attributes ?? commonOpen311Attributes;
}

/** At most this many questions per service: a civic app shows them all before a resident can post. */
export const MAX_OPEN311_ATTRIBUTES = 20;
/** Attribute codes appear in form fields (`attribute[CODE]`): letters, digits and underscores. */
export const OPEN311_ATTRIBUTE_CODE = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/**
 * What is wrong with a category's attribute definitions as a whole (each field's own shape is checked at the
 * HTTP edge): duplicate codes or orders, a list without values or with duplicate keys, values or a length limit
 * on the wrong kind of attribute. Every problem, by field.
 */
export function definitionProblems(
  definitions: readonly Open311AttributeDefinition[],
): Array<{ readonly field: string; readonly reason: string }> {
  const problems: Array<{ field: string; reason: string }> = [];
  if (definitions.length > MAX_OPEN311_ATTRIBUTES)
    problems.push({ field: 'open311Attributes', reason: `at most ${MAX_OPEN311_ATTRIBUTES} attributes` });
  const seenCodes = new Set<string>();
  const seenOrders = new Set<number>();
  definitions.forEach((definition, index) => {
    const field = `open311Attributes[${index}]`;
    if (seenCodes.has(definition.code))
      problems.push({ field: `${field}.code`, reason: `${definition.code} is used twice` });
    seenCodes.add(definition.code);
    if (seenOrders.has(definition.order))
      problems.push({ field: `${field}.order`, reason: `order ${definition.order} is used twice` });
    seenOrders.add(definition.order);
    if (definition.datatype === 'singlevaluelist') {
      if (definition.values.length === 0)
        problems.push({ field: `${field}.values`, reason: 'a singlevaluelist needs at least one value' });
      const keys = definition.values.map((v) => v.key);
      if (new Set(keys).size !== keys.length)
        problems.push({ field: `${field}.values`, reason: 'value keys must be different' });
      if (definition.maxLength !== undefined)
        problems.push({ field: `${field}.maxLength`, reason: 'only a string attribute has a maximum length' });
    } else if (definition.values.length > 0) {
      problems.push({ field: `${field}.values`, reason: 'only a singlevaluelist has values' });
    }
  });
  return problems;
}

export type AttributeAnswers = Record<string, string>;

/** Checks the `attribute[CODE]=value` answers of a request against the definitions: every problem, by field. */
export function readAttributeAnswers(
  input: unknown,
  definitions: readonly Open311AttributeDefinition[],
): { readonly answers: AttributeAnswers; readonly problems: readonly string[] } {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { answers: {}, problems: ['attribute must be given as attribute[CODE]=value'] };
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const answers: AttributeAnswers = {};
  const problems: string[] = [];
  for (const [code, value] of Object.entries(input as Record<string, unknown>)) {
    const definition = byCode.get(code);
    if (!definition) {
      problems.push(`attribute[${code}] is not an attribute of this service`);
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(`attribute[${code}] must be one value`);
      continue;
    }
    if (definition.datatype === 'singlevaluelist' && !definition.values.some((v) => v.key === value)) {
      problems.push(`attribute[${code}] must be one of ${definition.values.map((v) => v.key).join(', ')}`);
      continue;
    }
    if (definition.maxLength !== undefined && value.length > definition.maxLength) {
      problems.push(`attribute[${code}] must be at most ${definition.maxLength} characters`);
      continue;
    }
    answers[code] = value;
  }
  for (const definition of definitions) {
    if (
      definition.required &&
      answers[definition.code] === undefined &&
      !problems.some((p) => p.startsWith(`attribute[${definition.code}]`))
    ) {
      problems.push(`attribute[${definition.code}] is required`);
    }
  }
  return { answers, problems };
}
