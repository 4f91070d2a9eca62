import {
  commonOpen311Attributes,
  definitionProblems,
  Open311AttributeDefinition,
  open311AttributesOf,
  readAttributeAnswers,
} from './open311-attributes';

describe('readAttributeAnswers', () => {
  it('accepts no answers at all and answers from the list', () => {
    expect(readAttributeAnswers(undefined, commonOpen311Attributes)).toEqual({ answers: {}, problems: [] });
    expect(readAttributeAnswers({ DANGER: 'yes', LANDMARK: '3号楼东侧' }, commonOpen311Attributes)).toEqual({
      answers: { DANGER: 'yes', LANDMARK: '3号楼东侧' },
      problems: [],
    });
  });

  it('names every unknown attribute, value outside the list, repeated value and overlong answer', () => {
    const { problems } = readAttributeAnswers(
      { COLOUR: 'red', DANGER: 'maybe', LANDMARK: 'x'.repeat(101) },
      commonOpen311Attributes,
    );
    expect(problems).toEqual([
      'attribute[COLOUR] is not an attribute of this service',
      'attribute[DANGER] must be one of yes, no',
      'attribute[LANDMARK] must be at most 100 characters',
    ]);
    expect(readAttributeAnswers({ DANGER: ['yes', 'no'] }, commonOpen311Attributes).problems).toEqual([
      'attribute[DANGER] must be one value',
    ]);
    expect(readAttributeAnswers('DANGER', commonOpen311Attributes).problems).toEqual([
      'attribute must be given as attribute[CODE]=value',
    ]);
  });

  it('insists on a required attribute', () => {
    const required: Open311AttributeDefinition[] = [{ ...commonOpen311Attributes[0], required: true }];
    expect(readAttributeAnswers({}, required).problems).toEqual(['attribute[DANGER] is required']);
  });
});

describe('a category’s own attributes', () => {
  const poleNumber: Open311AttributeDefinition = {
    code: 'POLE_NUMBER',
    datatype: 'string',
    required: true,
    description: 'The number painted on the lamp post 灯杆编号',
    datatypeDescription: 'up to 20 characters',
    order: 1,
    values: [],
    maxLength: 20,
  };

  it('asks the category’s own questions, the common list when it has none of its own, and nothing when told so', () => {
    expect(open311AttributesOf({ open311Attributes: [poleNumber] })).toEqual([poleNumber]);
    expect(open311AttributesOf({ open311Attributes: null })).toBe(commonOpen311Attributes);
    expect(open311AttributesOf({ open311Attributes: [] })).toEqual([]);
  });

  it('accepts a well-formed set, and the common list itself', () => {
    expect(definitionProblems([poleNumber, { ...commonOpen311Attributes[0], order: 2 }])).toEqual([]);
    expect(definitionProblems(commonOpen311Attributes)).toEqual([]);
  });

  it('names every inconsistency by field', () => {
    const danger = commonOpen311Attributes[0];
    expect(
      definitionProblems([
        poleNumber,
        { ...poleNumber, order: 2 },
        { ...danger, order: 2, values: [] },
        { ...danger, code: 'WHERE', order: 3, values: [danger.values[0], danger.values[0]], maxLength: 5 },
        { ...poleNumber, code: 'NOTE', order: 4, values: [{ key: 'a', name: 'A' }] },
      ]),
    ).toEqual([
      { field: 'open311Attributes[1].code', reason: 'POLE_NUMBER is used twice' },
      { field: 'open311Attributes[2].order', reason: 'order 2 is used twice' },
      { field: 'open311Attributes[2].values', reason: 'a singlevaluelist needs at least one value' },
      { field: 'open311Attributes[3].values', reason: 'value keys must be different' },
      { field: 'open311Attributes[3].maxLength', reason: 'only a string attribute has a maximum length' },
      { field: 'open311Attributes[4].values', reason: 'only a singlevaluelist has values' },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ ...poleNumber, code: `Q${i}`, order: i + 1 }));
    expect(definitionProblems(many)).toEqual([{ field: 'open311Attributes', reason: 'at most 20 attributes' }]);
  });
});
