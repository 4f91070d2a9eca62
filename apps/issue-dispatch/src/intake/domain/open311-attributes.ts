/**
 * Open311 service attributes ("service definitions"): extra questions a civic app asks before it posts. Every
 * category of every district offers the same short list for now — per-category attributes are a later step
 * and would be data on the category, not code. Answers are checked here and kept on the issue (staff only).
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
