import { commonOpen311Attributes, Open311AttributeDefinition, readAttributeAnswers } from './open311-attributes';

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
